// The broad lexicon of English and the real frequencies of its words, for telling a
// typo from a rare correct word.
//
// Words: Debian's SCOWL lists at their largest size (wamerican-insane, wbritish-insane,
// about 430,000 lower-case entries each), each word marked with the varieties that list
// it. Frequencies: the unigram log-probabilities of the general-English language model
// (pocketsphinx-en-us). Near words: a symmetric-deletion index over the lexicon's words
// that the model knows, so every known word within an edit or two of a string is found
// with a few searches of its sorted hashes (base/hash_search.hpp).
//
// Reading and indexing the lists takes about half a second, so the build compiles them
// once (tools/build_lexicon.cpp) into lexicon.bin, whose tables are laid out as they are
// used and mapped into memory, not read; without that file the lists are read at
// start-up. Shared, read-only, by every check and thread.
#pragma once
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/word_table.hpp"

namespace copydesk {

class LanguageModel;
class MappedFile;

enum Variety : std::uint8_t { kAmerican = 1, kBritish = 2 };

class Lexicon {
 public:
  // The compiled lexicon.bin from data_dir or the build folder, else the system's lists,
  // with the frequencies of the model `lm` (may be null). One per process.
  static std::shared_ptr<const Lexicon> system(const std::filesystem::path& data_dir, const LanguageModel* lm);
  // Reads the word lists (path, variety), with frequencies from `lm` (may be null).
  Lexicon(const std::vector<std::pair<std::string, Variety>>& lists, const LanguageModel* lm);
  // Maps a compiled file (throws std::runtime_error when it is not one).
  explicit Lexicon(const std::filesystem::path& compiled);
  // The bytes of the compiled file, for the build to write (whole, beside and renamed
  // over: a running process may have the old one mapped).
  std::string compiled() const;
  // Its tables may point into its own storage: neither copied nor moved.
  Lexicon(const Lexicon&) = delete;
  Lexicon& operator=(const Lexicon&) = delete;

  // The varieties whose list holds the lower-case word (0: in no list).
  std::uint8_t varieties(std::string_view lower) const;
  // log10 of the word's unigram probability, or `fallback` when the model lacks it.
  double log_frequency(std::string_view lower, double fallback) const;

  struct Near {
    std::string_view word;
    std::uint8_t varieties;
    double log_frequency;
    std::size_t edits;
  };
  // Lexicon words the model knows, within max_edits edits (optimal string alignment) of
  // the lower-case word, itself left out. Two edits are found when one deletion from
  // each side meets (a letter changed twice, or added and dropped).
  std::vector<Near> near(std::string_view lower, std::size_t max_edits) const;

  // The variety a word's spelling marks, or 0: a word of that variety's list only, with
  // a spelling of the other variety within two edits ("colour" / "color", "programme" /
  // "program", "organise" / "organize"). Oxford spelling ("-ize" in British text) is
  // no American marker.
  std::uint8_t marks_variety(std::string_view lower) const;

  std::size_t size() const { return words_.size(); }

 private:
  static constexpr std::uint8_t kMarkShift = 2;  // flags: varieties, then marked varieties
  std::uint8_t compute_mark(std::uint32_t i) const;

  // The tables, built from the lists (owned_) or mapped from a compiled file (mapping_).
  struct Tables {
    std::string blob;                     // the words, sorted, each ended by a NUL
    std::vector<std::uint32_t> offsets;   // where each word starts in blob
    std::vector<std::uint8_t> flags;      // per word
    std::vector<float> frequency;         // per word; 0 when the model lacks it
    std::vector<std::uint64_t> hashes;    // sorted hashes of the deletion variants of known words…
    std::vector<std::uint32_t> ids;       // …and the word each came from
    std::vector<std::uint64_t> marked;    // sorted hashes of the words that mark a variety
  };
  Tables owned_;
  std::shared_ptr<const MappedFile> mapping_;
  void view_owned();

  WordTable words_;
  std::span<const std::uint8_t> flags_;
  std::span<const float> frequency_;
  std::span<const std::uint64_t> hashes_;
  std::span<const std::uint32_t> ids_;
  // Every word of a document is asked whether it marks a variety, and few do: a word whose
  // hash is not here does not, which a few probes tell, where the search of the whole
  // list took about 800 instructions.
  std::span<const std::uint64_t> marked_;
};

}  // namespace copydesk
