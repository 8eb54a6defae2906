// Hunspell behind a small interface: the system dictionary for the language plus the
// project's and the newsroom's word lists, with a per-instance cache.
// One Speller per thread: Hunspell itself is not safe to share.
#pragma once
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/text.hpp"

class Hunspell;

namespace copydesk {

class WordForms;

class Speller {
 public:
  // aff/dic: the system dictionary; extra_dics: further word lists loaded on top, Hunspell
  // .dic files or plain lists (spell/word_list.hpp). `forms`, when given, are the
  // compiled forms of the .aff, the .dic and the first of extra_dics, as many as they
  // were made from (spell/word_forms.hpp): they answer most look-ups, and Hunspell opens
  // only for a word they cannot decide. The lists after those (a newsroom's own) are
  // read by a small Hunspell of the forms' digit dictionary and those lists only, asked
  // when the forms reject a word. Without forms Hunspell opens here. `opened` is told how
  // long each opening took.
  Speller(const std::string& aff, const std::string& dic, const std::vector<std::string>& extra_dics,
          std::shared_ptr<const WordForms> forms = nullptr, std::function<void(double seconds)> opened = {});
  ~Speller();
  Speller(const Speller&) = delete;
  Speller& operator=(const Speller&) = delete;

  // Whether the word is spelled as a dictionary has it (cached).
  bool known(std::string_view word) const;
  // Whether Hunspell with the whole dictionary has been opened.
  bool hunspell_opened() const { return hunspell_ != nullptr; }

 private:
  // Opens Hunspell with the affix file, the dictionary and the extra word lists, taking
  // turns with every other opening and closing.
  std::unique_ptr<Hunspell> open(const std::string& dic, const std::vector<std::string>& extra_dics) const;
  bool spell(std::string_view word) const;
  // The small Hunspell: the forms' digit dictionary and the lists they do not cover.
  Hunspell& side_hunspell() const;

  std::string aff_, dic_;
  std::vector<std::string> extra_dics_;
  std::vector<std::string> own_lists_;  // the extra lists the forms were not made from
  std::shared_ptr<const WordForms> forms_;
  std::function<void(double)> opened_;
  mutable std::unique_ptr<Hunspell> hunspell_;         // the whole dictionary
  mutable std::unique_ptr<Hunspell> side_hunspell_;    // see side_hunspell()
  static constexpr std::size_t kMaxCached = 1 << 16;
  mutable WordMap<bool> known_cache_;  // looked up by view: no string built per word
};

// The system dictionary files for a language such as "en_US", or an empty pair.
std::pair<std::string, std::string> system_dictionary(const std::string& language);

}  // namespace copydesk
