#include "spell/speller.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <mutex>
#include <hunspell.hxx>

#include "spell/word_forms.hpp"
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

Speller::Speller(const std::string& aff, const std::string& dic, const std::vector<std::string>& extra_dics,
                 std::shared_ptr<const WordForms> forms, std::function<void(double)> opened)
    : aff_(aff), dic_(dic), extra_dics_(extra_dics), forms_(std::move(forms)), opened_(std::move(opened)) {
  if (!forms_) {
    hunspell_ = open(dic_, extra_dics_);
    return;
  }
  const std::size_t covered = std::min(forms_->word_lists(), extra_dics_.size());
  own_lists_.assign(extra_dics_.begin() + static_cast<std::ptrdiff_t>(covered), extra_dics_.end());
}

Speller::~Speller() {
  const std::lock_guard lock(hunspell_lifetime_lock());
  hunspell_.reset();
  side_hunspell_.reset();
}

std::unique_ptr<Hunspell> Speller::open(const std::string& dic, const std::vector<std::string>& extra_dics) const {
  const auto start = std::chrono::steady_clock::now();
  std::unique_ptr<Hunspell> hunspell;
  {
    const std::lock_guard lock(hunspell_lifetime_lock());
    // Built in a local, so that a word list that fails to read closes it under the lock.
    hunspell = std::make_unique<Hunspell>(aff_.c_str(), dic.c_str());
    for (const std::string& extra : extra_dics) {
      const WordList list = read_word_list(extra);
      if (list.hunspell_format) {
        hunspell->add_dic(extra.c_str());
        continue;
      }
      for (const std::string& word : list.entries) hunspell->add(word);
    }
  }
  if (opened_) opened_(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  return hunspell;
}

Hunspell& Speller::side_hunspell() const {
  if (!side_hunspell_) side_hunspell_ = open(forms_->digit_dictionary().string(), own_lists_);
  return *side_hunspell_;
}

bool Speller::spell(std::string_view word) const {
  if (forms_) {
    const WordForms::Also own_lists = [this](const std::string& w) { return side_hunspell().spell(w); };
    if (const std::optional<bool> verdict = forms_->accepts(word, own_lists_.empty() ? WordForms::Also{} : own_lists))
      return *verdict;
    if (WordForms::for_digit_dictionary(word)) return side_hunspell().spell(std::string(word));
    if (!hunspell_) hunspell_ = open(dic_, extra_dics_);
  }
  return hunspell_->spell(std::string(word));
}

bool Speller::known(std::string_view word) const {
  if (auto it = known_cache_.find(word); it != known_cache_.end()) return it->second;
  const bool ok = spell(word);
  // Bounded, so a stream of new words (a fuzzer's, a long-running service's) cannot grow it
  // without end: full, it starts over.
  if (known_cache_.size() >= kMaxCached) known_cache_.clear();
  known_cache_.emplace(std::string(word), ok);
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
