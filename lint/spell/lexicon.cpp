#include "spell/lexicon.hpp"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <mutex>
#include <numeric>
#include <stdexcept>

#include "base/mapped_file.hpp"
#include "base/text.hpp"
#include "lm/language_model.hpp"

namespace copydesk {
namespace {

constexpr std::string_view kMagic = "CDLEX002";

std::uint64_t hash_of(std::string_view s) { return std::hash<std::string_view>{}(s); }

// Calls f with the word and with every string one character shorter: two strings within
// two edits of each other (most such pairs) share one of these.
template <typename F>
void for_each_deletion(std::string_view word, F f) {
  f(word);
  std::string shorter;
  for (std::size_t p = 0; p < word.size(); ++p) {
    shorter.assign(word.substr(0, p)).append(word.substr(p + 1));
    f(std::string_view(shorter));
  }
}

// A table in the compiled file: its length (a 64-bit count), its items, zeros up to the
// next multiple of 8 bytes, so that every table is aligned where the file is mapped.
template <typename T>
void append_table(std::string& out, std::span<const T> table) {
  const std::uint64_t n = table.size();
  out.append(reinterpret_cast<const char*>(&n), sizeof n);
  out.append(reinterpret_cast<const char*>(table.data()), table.size_bytes());
  out.append((8 - table.size_bytes() % 8) % 8, '\0');
}

// Reads the tables of a mapped file in order, each checked to lie inside it.
class TableReader {
 public:
  TableReader(std::string_view bytes, const std::string& name) : bytes_(bytes), name_(name) {}
  template <typename T>
  std::span<const T> next() {
    std::uint64_t n = 0;
    if (bytes_.size() - at_ < sizeof n) throw std::runtime_error("lexicon: " + name_ + " is truncated");
    std::memcpy(&n, bytes_.data() + at_, sizeof n);
    at_ += sizeof n;
    if (n > (bytes_.size() - at_) / sizeof(T)) throw std::runtime_error("lexicon: " + name_ + " is truncated");
    const auto* items = reinterpret_cast<const T*>(bytes_.data() + at_);
    at_ += (n * sizeof(T) + 7) / 8 * 8;
    if (at_ > bytes_.size()) throw std::runtime_error("lexicon: " + name_ + " is truncated");  // in the padding
    return {items, static_cast<std::size_t>(n)};
  }

 private:
  std::string_view bytes_;
  std::string name_;
  std::size_t at_ = kMagic.size();
};

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
  for (std::string_view w : sorted) {
    t.offsets.push_back(static_cast<std::uint32_t>(t.blob.size()));
    t.blob.append(w).push_back('\0');
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
  for (std::uint32_t i = 0; i < t.offsets.size(); ++i) t.flags[i] |= static_cast<std::uint8_t>(compute_mark(i) << kMarkShift);
}

void Lexicon::view_owned() {
  blob_ = owned_.blob;
  offsets_ = owned_.offsets;
  flags_ = owned_.flags;
  frequency_ = owned_.frequency;
  hashes_ = owned_.hashes;
  ids_ = owned_.ids;
}

Lexicon::Lexicon(const std::filesystem::path& compiled) : mapping_(MappedFile::map(compiled)) {
  const std::string name = compiled.string();
  if (!mapping_ || !mapping_->bytes().starts_with(kMagic))
    throw std::runtime_error("lexicon: " + name + " is not a compiled lexicon");
  TableReader tables(mapping_->bytes(), name);
  const std::span<const char> blob = tables.next<char>();
  blob_ = std::string_view(blob.data(), blob.size());
  offsets_ = tables.next<std::uint32_t>();
  flags_ = tables.next<std::uint8_t>();
  frequency_ = tables.next<float>();
  hashes_ = tables.next<std::uint64_t>();
  ids_ = tables.next<std::uint32_t>();
  // The words rise through the blob, which ends a word; ids are checked where they are
  // read (near).
  const bool words_inside = offsets_.empty() || (!blob_.empty() && blob_.back() == '\0' &&
                                                 std::is_sorted(offsets_.begin(), offsets_.end()) &&
                                                 offsets_.back() < blob_.size());
  if (flags_.size() != offsets_.size() || frequency_.size() != offsets_.size() || ids_.size() != hashes_.size() ||
      !words_inside)
    throw std::runtime_error("lexicon: " + name + " is inconsistent");
}

std::string Lexicon::compiled() const {
  std::string out(kMagic);
  append_table(out, std::span<const char>(blob_.data(), blob_.size()));
  append_table(out, offsets_);
  append_table(out, flags_);
  append_table(out, frequency_);
  append_table(out, hashes_);
  append_table(out, ids_);
  return out;
}

std::int64_t Lexicon::find(std::string_view lower) const {
  // The words are NUL-ended: compared where they lie, not measured first (a look-up makes
  // twenty comparisons, and every word of a document is looked up).
  if (lower.find('\0') != std::string_view::npos) return -1;  // strncmp would stop at it
  const auto compare = [&](std::uint32_t off) {
    const char* word = blob_.data() + off;
    const int c = std::strncmp(word, lower.data(), lower.size());
    return c != 0 ? c : word[lower.size()] == '\0' ? 0 : 1;
  };
  const auto it = std::lower_bound(offsets_.begin(), offsets_.end(), lower,
                                   [&](std::uint32_t off, std::string_view) { return compare(off) < 0; });
  if (it == offsets_.end() || compare(*it) != 0) return -1;
  return it - offsets_.begin();
}

std::uint8_t Lexicon::varieties(std::string_view lower) const {
  const std::int64_t i = find(lower);
  return i < 0 ? 0 : flags_[static_cast<std::size_t>(i)] & (kAmerican | kBritish);
}

double Lexicon::log_frequency(std::string_view lower, double fallback) const {
  const std::int64_t i = find(lower);
  return i < 0 || frequency_[static_cast<std::size_t>(i)] == 0 ? fallback : frequency_[static_cast<std::size_t>(i)];
}

std::vector<Lexicon::Near> Lexicon::near(std::string_view lower, std::size_t max_edits) const {
  std::vector<std::uint32_t> ids;
  for_each_deletion(lower, [&](std::string_view v) {
    const std::uint64_t h = hash_of(v);
    for (auto it = std::lower_bound(hashes_.begin(), hashes_.end(), h); it != hashes_.end() && *it == h; ++it)
      ids.push_back(ids_[static_cast<std::size_t>(it - hashes_.begin())]);
  });
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  std::vector<Near> out;
  for (std::uint32_t id : ids) {
    if (id >= offsets_.size()) continue;  // a damaged file's entry
    const std::string_view w = word(id);
    if (w == lower) continue;
    const std::size_t d = edit_distance(lower, w, max_edits);
    if (d <= max_edits) out.push_back({w, static_cast<std::uint8_t>(flags_[id] & (kAmerican | kBritish)), frequency_[id], d});
  }
  return out;
}

std::uint8_t Lexicon::marks_variety(std::string_view lower) const {
  const std::int64_t i = find(lower);
  return i < 0 ? 0 : static_cast<std::uint8_t>(flags_[static_cast<std::size_t>(i)] >> kMarkShift);
}

std::uint8_t Lexicon::compute_mark(std::uint32_t i) const {
  const std::uint8_t v = flags_[i] & (kAmerican | kBritish);
  if (v != kAmerican && v != kBritish) return 0;
  const std::string_view w = word(i);
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
