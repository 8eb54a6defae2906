// Hunspell behind a small interface: the system dictionary for the language plus the
// project's and the newsroom's word lists, with a per-instance cache.
// One Speller per thread: Hunspell itself is not safe to share.
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/text.hpp"

class Hunspell;

namespace copydesk {

class Speller {
 public:
  // aff/dic: the system dictionary; extra_dics: further word lists loaded on top, Hunspell
  // .dic files or plain lists (spell/word_list.hpp).
  Speller(const std::string& aff, const std::string& dic, const std::vector<std::string>& extra_dics);
  ~Speller();
  Speller(const Speller&) = delete;
  Speller& operator=(const Speller&) = delete;

  // Whether the word is spelled as a dictionary has it (cached).
  bool known(std::string_view word) const;

 private:
  std::unique_ptr<Hunspell> hunspell_;
  static constexpr std::size_t kMaxCached = 1 << 16;
  mutable StringMap<bool> known_cache_;  // looked up by view: no string built per word
};

// The system dictionary files for a language such as "en_US", or an empty pair.
std::pair<std::string, std::string> system_dictionary(const std::string& language);

}  // namespace copydesk
