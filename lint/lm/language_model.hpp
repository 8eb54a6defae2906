// A word n-gram language model of general English: Debian's pocketsphinx-en-us 3-gram
// model (lower-case words, no punctuation), in the trie format sphinxbase writes.
//
// The file is mapped and scored where it lies. sphinxbase reads all 27 MB into memory of
// its own and builds a hash table of the 72,547 words at every start: 70 ms and 9,500
// page faults of a 90 ms article run, and its scorer keeps a cache inside the model, so
// threads took turns. The scores are sphinxbase's own to the bit (the same quantized
// floats summed in the same order, then cut to its integer log scale); the tests compare
// the two on every word and on hundreds of thousands of word triples.
#pragma once
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "base/word_table.hpp"

namespace copydesk {

class MappedFile;

class LanguageModel {
 public:
  static constexpr std::int32_t kNone = -1;  // not in the vocabulary

  // Throws std::runtime_error naming the file when it is missing or not a 3-gram trie.
  explicit LanguageModel(const std::filesystem::path& file);
  ~LanguageModel();
  LanguageModel(const LanguageModel&) = delete;
  LanguageModel& operator=(const LanguageModel&) = delete;

  // The model installed by the pocketsphinx-en-us package (may not exist).
  static std::filesystem::path system_path();

  // The id of a lower-case word, or kNone.
  std::int32_t id(std::string_view lower_word) const;
  // log10 P(word), the unigram probability, as a float.
  double unigram(std::int32_t id) const;
  struct Score {
    double logp;  // log10 P(word | history)
    int order;    // the longest n-gram the model has for it: 1 means no word pair was seen
  };
  // The score of each word of a run of ids; the history is the sentence start when the
  // run opens the sentence, else empty. A word not in the vocabulary (kNone) scores as
  // impossible, order 0, and the word after it has no history.
  std::vector<Score> score_run(const std::vector<std::int32_t>& ids, bool sentence_start) const;
  // The same into `out` (cleared first), so that a caller scoring run after run keeps one
  // buffer rather than allocating one a run.
  void score_run(std::span<const std::int32_t> ids, bool sentence_start, std::vector<Score>& out) const;
  int order() const { return 3; }

 private:
  // One word of the vocabulary: its log probability and back-off weight, and where the
  // word pairs ending in it start in the pairs' table (they end where the next word's do).
  struct Unigram {
    float logp;
    float backoff;
    std::uint32_t pairs;
  };
  // A table of bit-packed entries: each the id of the word one further back, then its
  // quantized values, then (for pairs) where its triples start; sorted by word id within
  // the entries that share a history.
  struct PackedTable {
    const unsigned char* bits = nullptr;
    std::uint32_t entries = 0;
    int word_bits = 0, value_bits = 0, next_bits = 0, entry_bits = 0;
    // The entry of `word` among entries [begin, end), or -1.
    std::int64_t find(std::uint32_t begin, std::uint32_t end, std::uint32_t word, std::uint32_t vocabulary) const;
    std::uint32_t field(std::uint64_t entry, int at, int width) const;
  };
  struct Found {
    float logp;
    int order;
    std::int64_t pair;  // the entry of the word after history[0], -1 when none or not looked up
  };
  // sphinxbase's score of a word after up to two words (most recent first), as a float.
  // `history_pair` is the entry of history[0] after history[1] (what scoring history[0]
  // found), whose back-off weight a back-off from three words adds.
  Found score(std::uint32_t word, const std::int32_t* history, int known, std::int64_t history_pair) const;
  float pair_backoff(std::int64_t pair) const;
  static double to_log10(float logp);

  std::shared_ptr<const MappedFile> file_;
  std::span<const Unigram> unigrams_;       // one more than the words: the end of the last's pairs
  std::span<const float> pair_logp_bins_, pair_backoff_bins_, triple_logp_bins_;
  PackedTable pairs_, triples_;
  std::vector<std::uint32_t> word_offsets_;
  WordTable words_;
  // The word ids by the hash of the word, open addressing (kNone where empty): every word
  // of a text is looked up, and a binary search took 560 instructions a word.
  std::vector<std::int32_t> by_hash_;
  std::int32_t sentence_start_ = kNone, sentence_end_ = kNone;
};

}  // namespace copydesk
