#include "spell/speller.hpp"

#include <filesystem>
#include <mutex>
#include <hunspell.hxx>

#include "spell/word_list.hpp"

namespace copydesk {

namespace {

// Hunspell keeps one process-wide UTF-8 case table, counted by its instances without a
// lock: two opened or closed at once can free it under a third, which then misreads
// capitals ("ARAÚJO"). Opening and closing take turns; spell() needs no lock.
std::mutex& hunspell_lifetime_lock() {
  static std::mutex lock;
  return lock;
}

}  // namespace

Speller::Speller(const std::string& aff, const std::string& dic, const std::vector<std::string>& extra_dics) {
  const std::lock_guard lock(hunspell_lifetime_lock());
  // Built in a local, so that a word list that fails to read closes it under the lock.
  auto hunspell = std::make_unique<Hunspell>(aff.c_str(), dic.c_str());
  for (const std::string& extra : extra_dics) {
    const WordList list = read_word_list(extra);
    if (list.hunspell_format) {
      hunspell->add_dic(extra.c_str());
      continue;
    }
    for (const std::string& word : list.entries) hunspell->add(word);
  }
  hunspell_ = std::move(hunspell);
}

Speller::~Speller() {
  const std::lock_guard lock(hunspell_lifetime_lock());
  hunspell_.reset();
}

bool Speller::known(std::string_view word) const {
  if (auto it = known_cache_.find(word); it != known_cache_.end()) return it->second;
  std::string key(word);
  const bool ok = hunspell_->spell(key);
  // Bounded, so a stream of new words (a fuzzer's, a long-running service's) cannot grow it
  // without end: full, it starts over.
  if (known_cache_.size() >= kMaxCached) known_cache_.clear();
  known_cache_.emplace(std::move(key), ok);
  return ok;
}

std::pair<std::string, std::string> system_dictionary(const std::string& language) {
  for (const char* dir : {"/usr/share/hunspell", "/usr/share/myspell/dicts", "/usr/local/share/hunspell"}) {
    const std::filesystem::path base = std::filesystem::path(dir) / language;
    const auto aff = base.string() + ".aff";
    const auto dic = base.string() + ".dic";
    if (std::filesystem::exists(aff) && std::filesystem::exists(dic)) return {aff, dic};
  }
  return {};
}

}  // namespace copydesk
