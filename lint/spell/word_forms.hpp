// Hunspell's verdicts without Hunspell: every spelling a set of Hunspell dictionaries
// accepts, compiled at build time (tools/build_word_forms.cpp), so that a run answers
// most look-ups from a mapped file and opens Hunspell (a third of an article's run) only
// for a word the file cannot decide.
//
// What the file holds: every form the dictionaries' roots take with their affixes (as
// Hunspell's `unmunch` lists them), and each form's lower-, title- and upper-case
// spelling, each kept only where Hunspell itself accepts it. That is every word Hunspell
// accepts that has no digit: Hunspell accepts a word when it, its title-case or its
// lower-case spelling is a form (or, for one in capitals, a form's capitals), and only
// digits make compounds in the English dictionaries. So for a word of Latin letters and
// characters without case (apostrophes, inner dots), "in the file" is Hunspell's verdict,
// accepted or not. A word with one hyphen inside is taken as the dictionary has it
// ("e-mail"), else when both sides are words, as Hunspell breaks it.
//
// A word with a digit ("G7", "21st") is decided by a small dictionary of the roots with
// digits, which Hunspell opens in a moment; any other word (two hyphens, a Greek or
// Cyrillic letter) by Hunspell with the whole dictionary.
#pragma once
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/word_table.hpp"

namespace copydesk {

class MappedFile;

class WordForms {
 public:
  // The compiled forms of exactly these dictionary files (the system .aff and .dic, then
  // the extra word lists, in the order Hunspell reads them) for the language, from
  // data_dir or the build folder; null when there is none, or it was made from other
  // files or other contents of them.
  static std::shared_ptr<const WordForms> matching(const std::filesystem::path& data_dir, const std::string& language,
                                                   const std::vector<std::string>& files);
  // Maps a compiled file (throws std::runtime_error when it is not one).
  explicit WordForms(const std::filesystem::path& compiled);

  struct Compiled {
    std::string forms;              // the compiled file
    std::string digit_dictionary;   // a Hunspell .dic of the roots with digits or compound flags
  };
  // Compiles the forms for `files` (the .aff, the .dic, the extra word lists): `forms`
  // lists each form of every root of the dictionaries and of their capitalized_roots
  // (unmunch's output, any order),
  // `accepts` is Hunspell's verdict with those dictionaries loaded. Throws
  // std::runtime_error for an affix file whose options the rule above does not cover.
  static Compiled compile(const std::vector<std::string>& files, const std::vector<std::string>& forms,
                          const std::function<bool(const std::string&)>& accepts);
  // Hunspell also keeps each root in mixed case, or in capitals with affixes, with only
  // its first letter a capital, for words in capitals: "NIMBY/S" gives "NIMBIES" through
  // "Nimby/S", as the affix's condition reads a small "y". Those roots of the
  // dictionaries `files` (the .aff first), as a .dic whose forms `compile` needs too.
  static std::string capitalized_roots(const std::vector<std::string>& files);
  // The file beside a compiled forms file that holds its digit dictionary.
  static std::filesystem::path digit_dictionary_path(const std::filesystem::path& compiled);

  // Whether the file was made from exactly these files, with these contents.
  bool made_from(const std::vector<std::string>& files) const;
  // Further words beside the forms: Hunspell's verdict with other word lists of the same
  // affix file, asked for a spelling the forms do not have.
  using Also = std::function<bool(const std::string&)>;
  // Hunspell's verdict, when the forms decide it: a word shorter than 100 bytes of
  // letters of Latin script and of characters without case (apostrophes, inner dots),
  // or two such joined by a hyphen. With `also`, the verdict of one Hunspell holding the
  // forms' dictionaries and those lists: a word, or each side of a hyphen, is accepted
  // by either.
  std::optional<bool> accepts(std::string_view word, const Also& also = {}) const;
  // Whether the digit dictionary decides the word: it has a digit and no hyphen.
  static bool for_digit_dictionary(std::string_view word);
  const std::filesystem::path& digit_dictionary() const { return digit_dictionary_; }
  std::size_t size() const { return words_.size(); }
  // How many word lists, after the .aff and the .dic, the file was made from.
  std::size_t word_lists() const { return sources_.size() / 2 - 2; }

 private:
  // Hunspell's verdict on a converted word without hyphens, when the forms decide it.
  std::optional<bool> verdict_without_hyphen(std::string_view word, const Also& also) const;

  std::shared_ptr<const MappedFile> mapping_;
  std::span<const std::uint64_t> sources_;  // size and content hash of each file
  std::vector<std::pair<std::string_view, std::string_view>> conversions_;  // the .aff's ICONV
  WordTable words_;
  std::filesystem::path digit_dictionary_;
};

}  // namespace copydesk
