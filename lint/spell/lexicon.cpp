#include "spell/lexicon.hpp"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <mutex>
#include <numeric>
#include <stdexcept>

#include "base/compiled_tables.hpp"
#include "base/hash_search.hpp"
#include "base/mapped_file.hpp"
#include "base/text.hpp"
#include "lm/language_model.hpp"

namespace copydesk {
namespace {

constexpr std::string_view kMagic = "CDLEX003";

std::uint64_t hash_of(std::string_view s) { return std::hash<std::string_view>{}(s); }

// Calls f with the word and with every string one character shorter: two strings within
// two edits of each other (most such pairs) share one of these.
template <typename F>
void for_each_deletion(std::string_view word, F f) {
  f(word);
  if (word.empty()) return;
  // Without the letter at p is without the one at p - 1 with that letter put back: one
  // byte changes from one string to the next.
  std::string shorter(word.substr(1));
  f(std::string_view(shorter));
  for (std::size_t p = 1; p < word.size(); ++p) {
    shorter[p - 1] = word[p - 1];
    f(std::string_view(shorter));
  }
}

}  // namespace

std::shared_ptr<const Lexicon> Lexicon::system(const std::filesystem::path& data_dir, const LanguageModel* lm) {
  static std::mutex mutex;
  static std::weak_ptr<const Lexicon> cached;
  std::lock_guard lock(mutex);
  if (auto shared = cached.lock()) return shared;
  std::shared_ptr<const Lexicon> made;
  std::error_code ec;
  for (const std::filesystem::path& file : {data_dir / "lexicon.bin", std::filesystem::path(COPYDESK_BUILD_DIR) / "lexicon.bin"})
    if (std::filesystem::is_regular_file(file, ec)) {
      made = std::make_shared<const Lexicon>(file);
      break;
    }
  if (!made)
    made = std::make_shared<const Lexicon>(
        std::vector<std::pair<std::string, Variety>>{{"/usr/share/dict/american-english-insane", kAmerican},
                                                     {"/usr/share/dict/british-english-insane", kBritish}},
        lm);
  cached = made;
  return made;
}

Lexicon::Lexicon(const std::vector<std::pair<std::string, Variety>>& lists, const LanguageModel* lm) {
  StringMap<std::uint8_t> words;
  for (const auto& [path, variety] : lists) {
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
      // Lower-case words only: names are the names checks' business, and possessives
      // ("word's") are stripped before a look-up.
      if (line.empty() || line[0] < 'a' || line[0] > 'z' || line.find('\'') != std::string::npos) continue;
      words[line] |= variety;
    }
  }
  std::vector<std::string_view> sorted;
  sorted.reserve(words.size());
  for (const auto& [w, v] : words) sorted.push_back(w);
  std::sort(sorted.begin(), sorted.end());
  Tables& t = owned_;
  WordTable::append(sorted, t.blob, t.offsets);
  for (std::string_view w : sorted) {
    t.flags.push_back(words.find(w)->second);
    const std::int32_t id = lm != nullptr ? lm->id(w) : LanguageModel::kNone;
    t.frequency.push_back(id == LanguageModel::kNone ? 0.0f : static_cast<float>(lm->unigram(id)));
  }
  std::vector<std::pair<std::uint64_t, std::uint32_t>> index;
  for (std::uint32_t i = 0; i < t.offsets.size(); ++i)
    if (t.frequency[i] != 0)
      for_each_deletion(std::string_view(t.blob.data() + t.offsets[i]), [&](std::string_view v) { index.emplace_back(hash_of(v), i); });
  std::sort(index.begin(), index.end());
  index.erase(std::unique(index.begin(), index.end()), index.end());
  for (const auto& [h, i] : index) {
    t.hashes.push_back(h);
    t.ids.push_back(i);
  }
  view_owned();
  // The marks read the finished tables (near words, the other variety's spellings).
  for (std::uint32_t i = 0; i < words_.size(); ++i) {
    const std::uint8_t mark = compute_mark(i);
    t.flags[i] |= static_cast<std::uint8_t>(mark << kMarkShift);
    if (mark != 0) t.marked.push_back(hash_of(words_.word(i)));
  }
  std::sort(t.marked.begin(), t.marked.end());
  marked_ = t.marked;
}

void Lexicon::view_owned() {
  words_ = WordTable(owned_.blob, owned_.offsets);
  flags_ = owned_.flags;
  frequency_ = owned_.frequency;
  hashes_ = owned_.hashes;
  ids_ = owned_.ids;
  marked_ = owned_.marked;
}

Lexicon::Lexicon(const std::filesystem::path& compiled) : mapping_(MappedFile::map(compiled)) {
  const std::string name = compiled.string();
  if (!mapping_ || !mapping_->bytes().starts_with(kMagic))
    throw std::runtime_error("lexicon: " + name + " is not a compiled lexicon of this version (" + std::string(kMagic) +
                             "); rebuild it with this copydesk (cmake --build)");
  TableReader tables(mapping_->bytes(), kMagic.size(), "lexicon", name);
  const std::string_view blob = tables.next_text();
  words_ = WordTable(blob, tables.next<std::uint32_t>());
  flags_ = tables.next<std::uint8_t>();
  frequency_ = tables.next<float>();
  hashes_ = tables.next<std::uint64_t>();
  ids_ = tables.next<std::uint32_t>();
  marked_ = tables.next<std::uint64_t>();
  // Ids are checked where they are read (near).
  if (flags_.size() != words_.size() || frequency_.size() != words_.size() || ids_.size() != hashes_.size() ||
      !words_.consistent())
    throw std::runtime_error("lexicon: " + name + " is inconsistent");
}

std::string Lexicon::compiled() const {
  std::string out(kMagic);
  append_table(out, std::span<const char>(words_.blob().data(), words_.blob().size()));
  append_table(out, words_.offsets());
  append_table(out, flags_);
  append_table(out, frequency_);
  append_table(out, hashes_);
  append_table(out, ids_);
  append_table(out, marked_);
  return out;
}

std::uint8_t Lexicon::varieties(std::string_view lower) const {
  const std::int64_t i = words_.find(lower);
  return i < 0 ? 0 : flags_[static_cast<std::size_t>(i)] & (kAmerican | kBritish);
}

double Lexicon::log_frequency(std::string_view lower, double fallback) const {
  const std::int64_t i = words_.find(lower);
  return i < 0 || frequency_[static_cast<std::size_t>(i)] == 0 ? fallback : frequency_[static_cast<std::size_t>(i)];
}

std::vector<Lexicon::Near> Lexicon::near(std::string_view lower, std::size_t max_edits) const {
  std::vector<std::uint32_t> ids;
  ids.reserve(4 * (lower.size() + 1));
  const std::uint64_t* const end = hashes_.data() + hashes_.size();
  for_each_deletion(lower, [&](std::string_view v) {
    const std::uint64_t h = hash_of(v);
    for (const std::uint64_t* it = hash_lower_bound(hashes_, h); it != end && *it == h; ++it)
      ids.push_back(ids_[static_cast<std::size_t>(it - hashes_.data())]);
  });
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  std::vector<Near> out;
  for (std::uint32_t id : ids) {
    if (id >= words_.size()) continue;  // a damaged file's entry
    const std::string_view w = words_.word(id);
    if (w == lower) continue;
    const std::size_t d = edit_distance(lower, w, max_edits);
    if (d <= max_edits) out.push_back({w, static_cast<std::uint8_t>(flags_[id] & (kAmerican | kBritish)), frequency_[id], d});
  }
  return out;
}

std::uint8_t Lexicon::marks_variety(std::string_view lower) const {
  const std::uint64_t h = hash_of(lower);
  if (const std::uint64_t* it = hash_lower_bound(marked_, h); it == marked_.data() + marked_.size() || *it != h) return 0;
  const std::int64_t i = words_.find(lower);
  return i < 0 ? 0 : static_cast<std::uint8_t>(flags_[static_cast<std::size_t>(i)] >> kMarkShift);
}

std::uint8_t Lexicon::compute_mark(std::uint32_t i) const {
  const std::uint8_t v = flags_[i] & (kAmerican | kBritish);
  if (v != kAmerican && v != kBritish) return 0;
  const std::string_view w = words_.word(i);
  if (v == kAmerican) {
    // "organize" is Oxford spelling too: British text may use it.
    for (std::size_t p = w.find("iz"); p != std::string_view::npos; p = w.find("iz", p + 1)) {
      std::string british(w);
      british[p + 1] = 's';
      if (varieties(british) == kBritish) return 0;
    }
  }
  const std::uint8_t other = v ^ (kAmerican | kBritish);
  for (const Near& n : near(w, 2))
    if (n.varieties == other) return v;
  return 0;
}

}  // namespace copydesk
