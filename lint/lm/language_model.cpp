#include "lm/language_model.hpp"

#include <bit>
#include <cmath>
#include <functional>
#include <cstring>
#include <stdexcept>
#include <string>
#include <utility>

#include <fmt/format.h>

#include "base/mapped_file.hpp"

namespace copydesk {

namespace {

// The trie file: this magic, the order (one byte), the number of 1-, 2- and 3-grams, a
// word sphinxbase does not read, the quantizers' bins, the unigrams, the packed pairs and
// triples, then the words' bytes (their length first), NUL-ended and sorted, a word's id
// being its place among them.
constexpr std::string_view kMagic = "Trie Language Model";
constexpr int kValueBits = 16;                    // each quantized log probability or back-off
constexpr std::size_t kBins = 1U << kValueBits;   // the floats each quantizer decodes to
// sphinxbase's log probability of an impossible word, on its scale.
constexpr float kImpossible = -static_cast<float>(1 << 29);
// sphinxbase's scale: integer logarithms to base 1.0001, turned to log10 by a factor the
// C library works out at run time, as sphinxbase has it (the compiler's own constant
// differs in the last bit).
double log10_of_base() {
  static const double factor = [] {
    volatile double base = 1.0001;
    return std::log10(base);
  }();
  return factor;
}

// The bits a value up to `max` takes, as sphinxbase sizes its fields.
int bits_for(std::uint32_t max) {
  int bits = 0;
  for (; max != 0; max >>= 1) ++bits;
  return bits;
}

// The bytes of a packed table of `entries` (and one more, where the last one's next
// table ends) of `entry_bits` each, with sphinxbase's 8 bytes of slack after it.
std::size_t packed_bytes(std::uint32_t entries, int entry_bits) {
  return ((std::uint64_t{entries} + 1) * static_cast<std::uint64_t>(entry_bits) + 7) / 8 + 8;
}

class Reader {
 public:
  Reader(std::string_view bytes, std::string name) : bytes_(bytes), name_(std::move(name)) {}
  std::string_view take(std::size_t n) {
    if (bytes_.size() - at_ < n) fail("is truncated");
    const std::string_view out = bytes_.substr(at_, n);
    at_ += n;
    return out;
  }
  template <typename T>
  T number() {
    T value;
    std::memcpy(&value, take(sizeof value).data(), sizeof value);
    return value;
  }
  template <typename T>
  std::span<const T> array(std::size_t n) {
    if (n > (bytes_.size() - at_) / sizeof(T)) fail("is truncated");
    // Every table lies at a multiple of 4 from the start of a page-aligned mapping.
    return {reinterpret_cast<const T*>(take(n * sizeof(T)).data()), n};
  }
  bool at_end() const { return at_ == bytes_.size(); }
  [[noreturn]] void fail(std::string_view what) const {
    throw std::runtime_error(fmt::format("language model {} {}", name_, what));
  }

 private:
  std::string_view bytes_;
  std::size_t at_ = 0;
  std::string name_;
};

}  // namespace

std::filesystem::path LanguageModel::system_path() {
  return "/usr/share/pocketsphinx/model/en-us/en-us.lm.bin";
}

LanguageModel::LanguageModel(const std::filesystem::path& file) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec))
    throw std::runtime_error(fmt::format("language model {} not found (install pocketsphinx-en-us)", file.string()));
  file_ = MappedFile::map(file);
  Reader in(file_ ? file_->bytes() : std::string_view(), file.string());
  if (!file_ || !file_->bytes().starts_with(kMagic)) in.fail("is not a language model in sphinxbase's trie format");
  in.take(kMagic.size());
  if (in.number<std::uint8_t>() != 3) in.fail("is not a 3-gram model");
  const auto words = in.number<std::uint32_t>(), pairs = in.number<std::uint32_t>(), triples = in.number<std::uint32_t>();
  if (words == 0 || words >= (1U << 25) || pairs >= (1U << 25) || triples >= (1U << 25)) in.fail("is damaged");
  in.number<std::int32_t>();  // the quantizer's kind: sphinxbase reads past it too
  pair_logp_bins_ = in.array<float>(kBins);
  pair_backoff_bins_ = in.array<float>(kBins);
  triple_logp_bins_ = in.array<float>(kBins);
  unigrams_ = in.array<Unigram>(std::size_t{words} + 1);

  const int word_bits = bits_for(words);
  pairs_ = {nullptr, pairs, word_bits, 2 * kValueBits, bits_for(triples), 0};
  triples_ = {nullptr, triples, word_bits, kValueBits, 0, 0};
  for (PackedTable* table : {&pairs_, &triples_}) {
    table->entry_bits = table->word_bits + table->value_bits + table->next_bits;
    table->bits = reinterpret_cast<const unsigned char*>(in.take(packed_bytes(table->entries, table->entry_bits)).data());
  }

  const std::string_view blob = in.take(in.number<std::uint32_t>());
  if (!in.at_end() || blob.empty() || blob.back() != '\0') in.fail("is damaged");
  word_offsets_.reserve(words);
  for (std::size_t at = 0; at < blob.size(); at = blob.find('\0', at) + 1) word_offsets_.push_back(static_cast<std::uint32_t>(at));
  if (word_offsets_.size() != words) in.fail("is damaged");
  words_ = WordTable(blob, word_offsets_);
  by_hash_.assign(std::bit_ceil(std::size_t{words} * 2), kNone);  // at most half full
  const std::size_t mask = by_hash_.size() - 1;
  for (std::uint32_t i = 0; i < words; ++i) {
    std::size_t slot = std::hash<std::string_view>{}(words_.word(i)) & mask;
    while (by_hash_[slot] != kNone) slot = (slot + 1) & mask;
    by_hash_[slot] = static_cast<std::int32_t>(i);
  }
  sentence_start_ = static_cast<std::int32_t>(words_.find("<s>"));
  sentence_end_ = static_cast<std::int32_t>(words_.find("</s>"));
}

LanguageModel::~LanguageModel() = default;

std::uint32_t LanguageModel::PackedTable::field(std::uint64_t entry, int at, int width) const {
  const std::uint64_t bit = entry * static_cast<std::uint64_t>(entry_bits) + static_cast<std::uint64_t>(at);
  std::uint32_t word;
  std::memcpy(&word, bits + bit / 8, sizeof word);  // little-endian, as the file was written
  return (word >> (bit % 8)) & ((std::uint32_t{1} << width) - 1);
}

std::int64_t LanguageModel::PackedTable::find(std::uint32_t begin, std::uint32_t end, std::uint32_t word,
                                              std::uint32_t vocabulary) const {
  if (begin > end || end > entries) return -1;  // a damaged file's range: found nowhere
  // Interpolation search, as the ids of the entries of one history spread evenly over the
  // vocabulary: the candidates lie strictly between `low` and `high`.
  std::int64_t low = static_cast<std::int64_t>(begin) - 1, high = end;
  std::uint64_t low_word = 0, high_word = vocabulary;
  while (high - low > 1) {
    const std::int64_t probe =
        low + 1 + static_cast<std::int64_t>((word - low_word) * static_cast<std::uint64_t>(high - low - 1) / (high_word - low_word + 1));
    const std::uint32_t here = field(static_cast<std::uint64_t>(probe), 0, word_bits);
    if (here < word) {
      low = probe;
      low_word = here;
    } else if (here > word) {
      high = probe;
      high_word = here;
    } else {
      return probe;
    }
  }
  return -1;
}

float LanguageModel::pair_backoff(std::int64_t pair) const {
  return pair < 0 ? 0.0f : pair_backoff_bins_[pairs_.field(static_cast<std::uint64_t>(pair), pairs_.word_bits, kValueBits)];
}

LanguageModel::Found LanguageModel::score(std::uint32_t word, const std::int32_t* history, int known,
                                          std::int64_t history_pair) const {
  const auto vocabulary = static_cast<std::uint32_t>(word_offsets_.size());
  float logp = unigrams_[word].logp;
  if (known == 0) return {logp, 1, -1};
  const auto previous = static_cast<std::uint32_t>(history[0]);
  const std::int64_t pair = pairs_.find(unigrams_[word].pairs, unigrams_[word + 1].pairs, previous, vocabulary);
  if (pair < 0) {
    // Backed off to the word alone: the weights of the one- and two-word histories are
    // added one after the other, in sphinxbase's order, so the float is its own.
    logp += unigrams_[previous].backoff;
    if (known == 2) logp += pair_backoff(history_pair);
    return {logp, 1, pair};
  }
  const auto entry = static_cast<std::uint64_t>(pair);
  logp = pair_logp_bins_[pairs_.field(entry, pairs_.word_bits + kValueBits, kValueBits)];
  if (known == 1) return {logp, 2, pair};
  const int next_at = pairs_.word_bits + pairs_.value_bits;
  const std::int64_t triple = triples_.find(pairs_.field(entry, next_at, pairs_.next_bits),
                                            pairs_.field(entry + 1, next_at, pairs_.next_bits),
                                            static_cast<std::uint32_t>(history[1]), vocabulary);
  if (triple < 0) return {logp + pair_backoff(history_pair), 2, pair};
  return {triple_logp_bins_[triples_.field(static_cast<std::uint64_t>(triple), triples_.word_bits, kValueBits)], 3, pair};
}

double LanguageModel::to_log10(float logp) {
  return static_cast<double>(static_cast<std::int32_t>(logp)) * log10_of_base();
}

double LanguageModel::unigram(std::int32_t id) const {
  return static_cast<float>(to_log10(unigrams_[static_cast<std::size_t>(id)].logp));
}

std::int32_t LanguageModel::id(std::string_view lower_word) const {
  const std::size_t mask = by_hash_.size() - 1;
  for (std::size_t slot = std::hash<std::string_view>{}(lower_word) & mask; by_hash_[slot] != kNone; slot = (slot + 1) & mask) {
    const std::int32_t w = by_hash_[slot];
    if (words_.word(static_cast<std::uint32_t>(w)) != lower_word) continue;
    // The sentence markers are symbols of the model, not words of a text.
    return w == sentence_start_ || w == sentence_end_ ? kNone : w;
  }
  return kNone;
}

std::vector<LanguageModel::Score> LanguageModel::score_run(const std::vector<std::int32_t>& ids, bool sentence_start) const {
  std::vector<Score> out;
  score_run(ids, sentence_start, out);
  return out;
}

void LanguageModel::score_run(std::span<const std::int32_t> ids, bool sentence_start, std::vector<Score>& out) const {
  out.clear();
  out.reserve(ids.size());
  const auto vocabulary = static_cast<std::int32_t>(word_offsets_.size());
  std::int32_t history[2] = {sentence_start ? sentence_start_ : kNone, kNone};  // most recent first
  // The entry of history[0] after history[1]: the pair a back-off from three words reads
  // was looked up when the word before was scored, and is not searched for again.
  std::int64_t history_pair = -1;
  for (std::int32_t w : ids) {
    if (w < 0 || w >= vocabulary) {
      // As sphinxbase has it: a word outside the vocabulary is impossible, and the history
      // of the word after it is empty.
      out.push_back({to_log10(kImpossible), 0});
      history_pair = -1;
    } else {
      const int known = history[0] == kNone ? 0 : history[1] == kNone ? 1 : 2;
      const Found found = score(static_cast<std::uint32_t>(w), history, known, history_pair);
      out.push_back({to_log10(found.logp), found.order});
      history_pair = found.pair;
    }
    history[1] = history[0];
    history[0] = w < 0 || w >= vocabulary ? kNone : w;
  }
}

}  // namespace copydesk
