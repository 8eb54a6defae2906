#include "spell/speller.hpp"

#include <algorithm>
#include <filesystem>
#include <hunspell.hxx>

namespace copydesk {

Speller::Speller(const std::string& aff, const std::string& dic, const std::vector<std::string>& extra_dics)
    : hunspell_(std::make_unique<Hunspell>(aff.c_str(), dic.c_str())) {
  for (const std::string& extra : extra_dics) hunspell_->add_dic(extra.c_str());
}

Speller::~Speller() = default;

bool Speller::known(std::string_view word) const {
  std::string key(word);
  if (auto it = known_cache_.find(key); it != known_cache_.end()) return it->second;
  const bool ok = hunspell_->spell(key);
  known_cache_.emplace(std::move(key), ok);
  return ok;
}

std::vector<std::string> Speller::suggest(std::string_view word, std::size_t limit) const {
  std::string key(word);
  if (auto it = suggest_cache_.find(key); it != suggest_cache_.end()) return it->second;
  // Hunspell's own suggestion search stops on a CPU-time budget measured with clock(),
  // which counts every thread of the process: its answer would change with --jobs and
  // with load. Instead: every spelling one edit away (a letter dropped, added, changed,
  // or two swapped: most typing slips) or split in two, kept if Hunspell knows it.
  // Ordered by the kind of edit, then left to right: the same answer every time.
  std::vector<std::string> found;
  auto consider = [&](std::string candidate, bool known = false) {
    if (found.size() < limit && std::find(found.begin(), found.end(), candidate) == found.end() &&
        (known || hunspell_->spell(candidate)))
      found.push_back(std::move(candidate));
  };
  const std::size_t n = key.size();
  const bool ascii = std::all_of(key.begin(), key.end(), [](char c) { return (c & 0x80) == 0; });
  if (ascii && n >= 2 && n <= 40) {
    for (std::size_t i = 0; i + 1 < n; ++i) {  // swapped
      std::string c = key;
      std::swap(c[i], c[i + 1]);
      consider(std::move(c));
    }
    for (std::size_t i = 0; i <= n; ++i)  // a letter missing
      for (char letter = 'a'; letter <= 'z'; ++letter) consider(key.substr(0, i) + letter + key.substr(i));
    for (std::size_t i = 0; i < n; ++i) consider(key.substr(0, i) + key.substr(i + 1));  // one too many
    for (std::size_t i = 0; i < n; ++i)  // a wrong letter
      for (char letter = 'a'; letter <= 'z'; ++letter)
        if (letter != key[i]) consider(key.substr(0, i) + letter + key.substr(i + 1));
    for (std::size_t i = 1; i < n; ++i)  // two words run together
      if (hunspell_->spell(key.substr(0, i)) && hunspell_->spell(key.substr(i)) && (i > 1 || key[0] == 'a'))
        consider(key.substr(0, i) + " " + key.substr(i), true);
  }
  suggest_cache_.emplace(std::move(key), found);
  return found;
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
