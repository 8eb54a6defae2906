#include "tagger/perceptron.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <string>

#include "base/wide_vectors.hpp"

namespace copydesk::tagger {

// Model file layout, all integers little-endian:
//   magic     8 bytes "CDPOSTAG", then u32 format version (1)
//   tags      u8 count; per tag: u8 name length, name as in pos.hpp. Tags below are indexes here.
//   lexicon   u32 count; per word: u64 lexicon key, u64 tag set (bit i: tag i)
//   dictionary u32 count; per word: u64 word key, u8 tag
//   features  u32 count; per feature: u64 key, u8 weight count; per weight: u8 tag, f32 value
//   checksum  u64 FNV-1a of every byte before it, so a damaged file is refused, not misread

namespace {

constexpr std::string_view kMagic = "CDPOSTAG";
constexpr std::uint32_t kVersion = 1;

std::uint64_t checksum(std::string_view bytes) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (char c : bytes) {
    h ^= static_cast<std::uint8_t>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

class Writer {
 public:
  void bytes(std::string_view s) { out_ += s; }
  template <typename Int>
  void integer(Int v) {
    for (std::size_t i = 0; i < sizeof(Int); ++i) out_ += static_cast<char>((static_cast<std::uint64_t>(v) >> (8 * i)) & 0xff);
  }
  void real(float v) { integer(std::bit_cast<std::uint32_t>(v)); }
  const std::string& text() const { return out_; }

 private:
  std::string out_;
};

class Reader {
 public:
  Reader(std::string_view in, const std::filesystem::path& file) : in_(in), file_(file) {}
  std::string_view bytes(std::size_t n) {
    if (in_.size() - pos_ < n) fail("truncated");
    std::string_view s = in_.substr(pos_, n);
    pos_ += n;
    return s;
  }
  template <typename Int>
  Int integer() {
    std::string_view b = bytes(sizeof(Int));
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < sizeof(Int); ++i) v |= static_cast<std::uint64_t>(static_cast<std::uint8_t>(b[i])) << (8 * i);
    return static_cast<Int>(v);
  }
  float real() { return std::bit_cast<float>(integer<std::uint32_t>()); }
  bool at_end() const { return pos_ == in_.size(); }
  [[noreturn]] void fail(const std::string& what) const {
    throw std::runtime_error(file_.string() + ": not a usable tagger model: " + what);
  }

 private:
  std::string_view in_;
  std::size_t pos_ = 0;
  const std::filesystem::path& file_;
};

std::string read_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error(file.string() + ": cannot open tagger model: " + std::strerror(errno));
  std::string bytes;
  in.seekg(0, std::ios::end);
  bytes.resize(static_cast<std::size_t>(in.tellg()));
  in.seekg(0);
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!in) throw std::runtime_error(file.string() + ": cannot read tagger model");
  return bytes;
}

// The weights a feature's table names; none (null or empty) when a damaged compiled file
// names weights it does not hold.
const float* full_row(std::span<const float> full_rows, std::uint64_t index) {
  constexpr std::size_t kWidth = PerceptronModel::kRowWidth;
  return index < full_rows.size() / kWidth ? &full_rows[index * kWidth] : nullptr;
}

std::span<const PerceptronModel::Weight> sparse_row(std::span<const PerceptronModel::Weight> weights, std::uint64_t row) {
  const std::uint64_t first = row & 0xffffffff;
  const std::uint64_t count = row >> 32;
  if (first + count > weights.size()) return {};
  return weights.subspan(first, count);
}

std::size_t occupied(KeyView table) {
  return static_cast<std::size_t>(
      std::count_if(table.slots().begin(), table.slots().end(), [](const KeySlot& s) { return s.key != 0; }));
}

}  // namespace

PerceptronModel::PerceptronModel(std::vector<Pos> tags, Lexicon lexicon)
    : tags_(std::move(tags)), lexicon_(std::move(lexicon)) {
  rank_tags();
}

void PerceptronModel::rank_tags() {
  start_.fill(-std::numeric_limits<float>::infinity());
  rank_.fill(kUnranked);
  for (std::size_t i = 0; i < tags_.size(); ++i) {
    const auto tag = static_cast<std::size_t>(tags_[i]);
    start_[tag] = 0;
    // A tag listed twice ranks where it comes first, as a strict comparison in order would.
    rank_[tag] = std::min(rank_[tag], static_cast<std::int32_t>(i));
  }
}


void PerceptronModel::add_dictionary_word(FeatureKey word, Pos tag) {
  dictionary_.insert(word, static_cast<std::uint32_t>(tag));
}

void PerceptronModel::add_feature(FeatureKey feature, std::span<const Weight> weights) {
  if (8 * weights.size() < tags_.size()) {
    features_.insert(feature, weights_.size() | static_cast<std::uint64_t>(weights.size()) << 32);
    weights_.insert(weights_.end(), weights.begin(), weights.end());
    return;
  }
  const std::size_t first = full_rows_.size();
  features_.insert(feature, kFullRow | first / kRowWidth);
  full_rows_.resize(first + kRowWidth, 0.0F);
  for (const Weight& w : weights) full_rows_[first + static_cast<std::size_t>(w.tag)] = w.value;
}

PerceptronModel::Tables PerceptronModel::tables() const {
  if (mapping_) return mapped_;
  return {lexicon_.view(), dictionary_.view(), features_.view(), full_rows_, weights_};
}

std::size_t PerceptronModel::weight_count() const {
  const Tables t = tables();
  return t.weights.size() + static_cast<std::size_t>(std::count_if(t.full_rows.begin(), t.full_rows.end(), [](float w) { return w != 0; }));
}

std::size_t PerceptronModel::feature_count() const {
  return occupied(tables().features);
}

std::size_t PerceptronModel::dictionary_size() const { return occupied(tables().dictionary); }

std::optional<Pos> PerceptronModel::dictionary_tag(FeatureKey word) const {
  const std::uint64_t* tag = tables().dictionary.find(word);
  if (tag && *tag < static_cast<std::uint64_t>(Pos::Count)) return static_cast<Pos>(*tag);
  return std::nullopt;
}

void PerceptronModel::rows(std::span<const FeatureKey> features, std::span<Row> rows) const {
  const Tables t = tables();
  // Every slot asked for from memory before any is looked in, so that the waits overlap.
  // Key 0 stands for no feature (and would match an empty slot).
  for (FeatureKey f : features) t.features.prefetch(f);
  for (std::size_t i = 0; i < features.size(); ++i) {
    const std::uint64_t* row = features[i] == 0 ? nullptr : t.features.find(features[i]);
    // A damaged compiled file may name weights it does not hold.
    rows[i] = row && (*row & kFullRow ? (*row & ~kFullRow) < t.full_rows.size() / kRowWidth
                                      : !sparse_row(t.weights, *row).empty())
                  ? *row
                  : 0;
  }
}

namespace {

// Eight floats or eight ranks, which the processor adds or compares in one step where it can
// (GCC's vector extension; two steps of four without AVX2). A full row is kLanes of them.
// Read from floats anywhere: a row is aligned as a float is.
using Floats8 = float __attribute__((vector_size(32), aligned(4), may_alias));
using Ints8 = std::int32_t __attribute__((vector_size(32), aligned(4), may_alias));
constexpr std::size_t kLanes = PerceptronModel::kRowWidth / 8;

// Adding full rows is most of the tagger's work: the scores stay in vector registers from the
// first row to the last, and a full row is kLanes additions of eight floats (the same
// additions, in the same order, as tag by tag, so the same sums). A tag a row has no weight
// for gains 0, which changes no score.
[[gnu::always_inline]] inline void add_rows_to(std::span<const PerceptronModel::Row> rows, std::span<const float> full_rows,
                                               std::span<const PerceptronModel::Weight> weights, Floats8 (&scores)[kLanes]) {
  using Row = PerceptronModel::Row;
  constexpr Row kFullRow = PerceptronModel::kFullRow;
  constexpr std::size_t kWidth = PerceptronModel::kRowWidth;
  constexpr std::size_t kScores = PerceptronModel::kScores;
  // The few weights of a sparse row are added where the scores are put for them; the lanes
  // past the rows' width take what a damaged compiled file names there, and count for nothing.
  float spilled[kScores];
  std::fill(spilled + kWidth, spilled + kScores, 0.0F);
  for (Row row : rows) {
    if (row == 0) continue;
    if (row & kFullRow) {
      const auto* full = reinterpret_cast<const Floats8*>(&full_rows[(row & ~kFullRow) * kWidth]);
      for (std::size_t k = 0; k < kLanes; ++k) scores[k] += full[k];
    } else {
      for (std::size_t k = 0; k < kLanes; ++k) reinterpret_cast<Floats8*>(spilled)[k] = scores[k];
      for (const PerceptronModel::Weight& w : sparse_row(weights, row))
        spilled[static_cast<std::uint8_t>(w.tag) & (kScores - 1)] += w.value;
      for (std::size_t k = 0; k < kLanes; ++k) scores[k] = reinterpret_cast<const Floats8*>(spilled)[k];
    }
  }
}

}  // namespace

COPYDESK_WIDE_VECTORS
void PerceptronModel::add_rows(std::span<const Row> rows, Scores& scores) const {
  const Tables t = tables();
  Floats8 sums[kLanes];
  for (std::size_t k = 0; k < kLanes; ++k) sums[k] = reinterpret_cast<const Floats8*>(scores.data())[k];
  add_rows_to(rows, t.full_rows, t.weights, sums);
  for (std::size_t k = 0; k < kLanes; ++k) reinterpret_cast<Floats8*>(scores.data())[k] = sums[k];
}

COPYDESK_WIDE_VECTORS
Pos PerceptronModel::best_tag_of_rows(const Scores& start, std::span<const Row> rows) const {
  const Tables t = tables();
  Floats8 scores[kLanes];
  for (std::size_t k = 0; k < kLanes; ++k) scores[k] = reinterpret_cast<const Floats8*>(start.data())[k];
  add_rows_to(rows, t.full_rows, t.weights, scores);
  // The best score, then of the tags that have it the one of least rank: the tag a strict
  // comparison in the model's order would keep.
  Floats8 top = scores[0];
  for (std::size_t k = 1; k < kLanes; ++k) top = top > scores[k] ? top : scores[k];
  float best = top[0];
  for (std::size_t l = 1; l < 8; ++l) best = top[l] > best ? top[l] : best;
  const auto* ranks = reinterpret_cast<const Ints8*>(rank_.data());
  Ints8 least = scores[0] == best ? ranks[0] : kUnranked;
  for (std::size_t k = 1; k < kLanes; ++k) {
    const Ints8 rank = scores[k] == best ? ranks[k] : kUnranked;
    least = least < rank ? least : rank;
  }
  std::int32_t first = least[0];
  for (std::size_t l = 1; l < 8; ++l) first = least[l] < first ? least[l] : first;
  return first == kUnranked ? Pos::None : tags_[static_cast<std::size_t>(first)];
}

Pos PerceptronModel::best_tag(std::span<const FeatureKey> features) const {
  std::vector<Row> found(features.size());
  rows(features, found);
  return best_tag_of_rows(found);
}

void PerceptronModel::write(const std::filesystem::path& file) const {
  std::array<std::uint8_t, static_cast<std::size_t>(Pos::Count)> index_of{};
  for (std::size_t i = 0; i < tags_.size(); ++i) index_of[static_cast<std::size_t>(tags_[i])] = static_cast<std::uint8_t>(i);

  Writer out;
  out.bytes(kMagic);
  out.integer(kVersion);
  out.integer(static_cast<std::uint8_t>(tags_.size()));
  for (Pos t : tags_) {
    out.integer(static_cast<std::uint8_t>(pos_name(t).size()));
    out.bytes(pos_name(t));
  }
  out.integer(static_cast<std::uint32_t>(lexicon_.table().size()));
  for (const KeyTable::Slot& s : lexicon_.table().slots()) {
    if (s.key == 0) continue;
    std::uint64_t indexes = 0;
    for (std::size_t i = 0; i < tags_.size(); ++i) {
      if (s.value & tag_bit(tags_[i])) indexes |= std::uint64_t{1} << i;
    }
    out.integer(s.key);
    out.integer(indexes);
  }
  out.integer(static_cast<std::uint32_t>(dictionary_.size()));
  for (const KeyTable::Slot& s : dictionary_.slots()) {
    if (s.key == 0) continue;
    out.integer(s.key);
    out.integer(index_of[s.value]);
  }
  out.integer(static_cast<std::uint32_t>(features_.size()));
  std::vector<Weight> row;
  for (const KeyTable::Slot& s : features_.slots()) {
    if (s.key == 0) continue;
    row.clear();
    if (s.value & kFullRow) {
      // The zeros of a full row were never weights.
      const float* full = full_row(full_rows_, s.value & ~kFullRow);
      for (std::size_t tag = 0; tag < kRowWidth; ++tag) {
        if (full[tag] != 0) row.push_back({static_cast<Pos>(tag), full[tag]});
      }
    } else {
      const std::span<const Weight> weights = sparse_row(weights_, s.value);
      row.assign(weights.begin(), weights.end());
    }
    out.integer(s.key);
    out.integer(static_cast<std::uint8_t>(row.size()));
    for (const Weight& w : row) {
      out.integer(index_of[static_cast<std::size_t>(w.tag)]);
      out.real(w.value);
    }
  }
  out.integer(checksum(out.text()));

  std::ofstream stream(file, std::ios::binary | std::ios::trunc);
  stream.write(out.text().data(), static_cast<std::streamsize>(out.text().size()));
  if (!stream.flush()) throw std::runtime_error(file.string() + ": cannot write tagger model");
}

PerceptronModel PerceptronModel::read(const std::filesystem::path& file) {
  const std::string bytes = read_file(file);
  Reader in(bytes, file);
  if (in.bytes(std::min(bytes.size(), kMagic.size())) != kMagic) in.fail("wrong magic bytes");
  if (const auto version = in.integer<std::uint32_t>(); version != kVersion) {
    in.fail("format version " + std::to_string(version) + ", expected " + std::to_string(kVersion));
  }
  if (bytes.size() < kMagic.size() + 4 + 8) in.fail("truncated");
  const std::string_view body = std::string_view(bytes).substr(0, bytes.size() - 8);
  if (Reader(std::string_view(bytes).substr(body.size()), file).integer<std::uint64_t>() != checksum(body)) {
    in.fail("checksum mismatch (damaged file)");
  }

  std::vector<Pos> tags(in.integer<std::uint8_t>());
  for (Pos& t : tags) {
    const std::string_view name = in.bytes(in.integer<std::uint8_t>());
    const std::optional<Pos> pos = pos_from_name(name);
    if (!pos) in.fail("unknown tag \"" + std::string(name) + "\"");
    t = *pos;
  }
  auto tag_at = [&](std::uint8_t index) {
    if (index >= tags.size()) in.fail("tag index out of range");
    return tags[index];
  };
  const auto lexicon_size = in.integer<std::uint32_t>();
  Lexicon lexicon;
  lexicon.reserve(lexicon_size);
  for (std::uint32_t i = 0; i < lexicon_size; ++i) {
    const auto word = in.integer<std::uint64_t>();
    if (word == 0) in.fail("zero lexicon key");
    const auto indexes = in.integer<std::uint64_t>();
    TagSet set = 0;
    for (std::size_t t = 0; t < 64; ++t) {
      if (indexes & (std::uint64_t{1} << t)) set |= tag_bit(tag_at(static_cast<std::uint8_t>(t)));
    }
    lexicon.add(word, set);
  }
  PerceptronModel model(tags, std::move(lexicon));

  const auto dictionary_size = in.integer<std::uint32_t>();
  model.dictionary_.reserve(dictionary_size);
  for (std::uint32_t i = 0; i < dictionary_size; ++i) {
    const auto word = in.integer<std::uint64_t>();
    if (word == 0) in.fail("zero word key");
    model.add_dictionary_word(word, tag_at(in.integer<std::uint8_t>()));
  }

  const auto feature_count = in.integer<std::uint32_t>();
  model.features_.reserve(feature_count);
  model.weights_.reserve(bytes.size() / 5);  // a weight takes five bytes in the file
  std::vector<Weight> row;
  for (std::uint32_t i = 0; i < feature_count; ++i) {
    const auto feature = in.integer<std::uint64_t>();
    if (feature == 0) in.fail("zero feature key");
    row.resize(in.integer<std::uint8_t>());
    TagSet weighed = 0;
    for (Weight& w : row) {
      w.tag = tag_at(in.integer<std::uint8_t>());
      w.value = in.real();
      if (weighed & tag_bit(w.tag)) in.fail("a feature weighs a tag twice");
      weighed |= tag_bit(w.tag);
    }
    model.add_feature(feature, row);
  }
  model.checksum_ = in.integer<std::uint64_t>();
  if (!in.at_end()) in.fail("unexpected bytes after the checksum");
  return model;
}

namespace {

// The compiled form: this header, then the lexicon's, the dictionary's and the features'
// slots (KeySlot; a feature's value is its Row), then the full rows and the other weights,
// each as they sit in memory (little-endian hosts).
struct CompiledHeader {
  char magic[8];
  std::uint32_t version;
  std::uint32_t tag_count;
  std::uint64_t tag_set;          // which Pos enum the tags and tag sets below are values of
  std::uint64_t model_checksum;   // the .model file's own, naming the model compiled
  std::uint64_t lexicon_slots, dictionary_slots, feature_slots, full_row_count, weight_count;
  std::uint8_t tags[64];
};
static_assert(sizeof(CompiledHeader) % alignof(KeySlot) == 0);
static_assert(sizeof(PerceptronModel::Weight) == 8 && std::endian::native == std::endian::little);

constexpr std::string_view kCompiledMagic = "CDPOSBIN";
constexpr std::uint32_t kCompiledVersion = 4;  // 4: full rows of 56 floats

std::uint64_t tag_set_fingerprint() {
  std::string names;
  for (std::string_view name : kPosNames) names.append(name).push_back('\0');
  return checksum(names);
}

bool power_of_two_or_zero(std::uint64_t n) { return (n & (n - 1)) == 0; }

}  // namespace

std::uint64_t PerceptronModel::model_checksum(const std::filesystem::path& model) {
  std::ifstream in(model, std::ios::binary);
  char bytes[8];
  if (!in.seekg(-8, std::ios::end) || !in.read(bytes, sizeof bytes)) return 0;
  return Reader(std::string_view(bytes, sizeof bytes), model).integer<std::uint64_t>();
}

std::string PerceptronModel::compiled() const {
  CompiledHeader header{};
  kCompiledMagic.copy(header.magic, sizeof header.magic);
  header.version = kCompiledVersion;
  header.tag_count = static_cast<std::uint32_t>(tags_.size());
  header.tag_set = tag_set_fingerprint();
  header.model_checksum = checksum_;
  header.lexicon_slots = lexicon_.table().slots().size();
  header.dictionary_slots = dictionary_.slots().size();
  header.feature_slots = features_.slots().size();
  header.full_row_count = full_rows_.size() / kRowWidth;
  header.weight_count = weights_.size();
  for (std::size_t i = 0; i < tags_.size(); ++i) header.tags[i] = static_cast<std::uint8_t>(tags_[i]);
  // Field by field, so the padding of a Weight is written as zeros and a build is repeatable.
  std::vector<std::uint8_t> weights(weights_.size() * sizeof(Weight));
  for (std::size_t i = 0; i < weights_.size(); ++i) {
    weights[i * sizeof(Weight)] = static_cast<std::uint8_t>(weights_[i].tag);
    std::memcpy(&weights[i * sizeof(Weight) + offsetof(Weight, value)], &weights_[i].value, sizeof(float));
  }
  std::string out;
  auto put = [&](const void* data, std::size_t size) { out.append(static_cast<const char*>(data), size); };
  put(&header, sizeof header);
  for (std::span<const KeySlot> slots : {lexicon_.table().slots(), dictionary_.slots(), features_.slots()})
    put(slots.data(), slots.size_bytes());
  put(full_rows_.data(), full_rows_.size() * sizeof(float));
  put(weights.data(), weights.size());
  return out;
}

std::optional<PerceptronModel> PerceptronModel::map(const std::filesystem::path& file, std::uint64_t model_checksum) {
  const std::shared_ptr<const MappedFile> mapped = MappedFile::map(file);
  CompiledHeader header{};
  if (!mapped || mapped->bytes().size() < sizeof header) return std::nullopt;
  std::memcpy(&header, mapped->bytes().data(), sizeof header);
  if (kCompiledMagic != std::string_view(header.magic, sizeof header.magic) || header.version != kCompiledVersion ||
      header.tag_set != tag_set_fingerprint() || header.model_checksum != model_checksum || model_checksum == 0)
    return std::nullopt;
  const std::uint64_t expected = sizeof header + sizeof(KeySlot) * (header.lexicon_slots + header.dictionary_slots + header.feature_slots) +
                                 sizeof(float) * kRowWidth * header.full_row_count + sizeof(Weight) * header.weight_count;
  auto fail = [&](const std::string& what) -> std::optional<PerceptronModel> {
    throw std::runtime_error(file.string() + ": not a usable compiled tagger model: " + what);
  };
  if (expected != mapped->bytes().size()) return fail("wrong size");
  const char* data = mapped->bytes().data();
  PerceptronModel model;
  model.mapping_ = mapped;
  if (header.tag_count == 0 || header.tag_count > sizeof header.tags) return fail("wrong tag count");
  for (std::uint32_t i = 0; i < header.tag_count; ++i) {
    if (header.tags[i] >= static_cast<std::uint8_t>(Pos::Count)) return fail("unknown tag");
    model.tags_.push_back(static_cast<Pos>(header.tags[i]));
  }
  model.rank_tags();
  if (!power_of_two_or_zero(header.lexicon_slots) || !power_of_two_or_zero(header.dictionary_slots) ||
      !power_of_two_or_zero(header.feature_slots))
    return fail("a table size is not a power of two");
  const auto* slots = reinterpret_cast<const KeySlot*>(data + sizeof header);
  model.mapped_.lexicon = KeyView({slots, header.lexicon_slots});
  slots += header.lexicon_slots;
  model.mapped_.dictionary = KeyView({slots, header.dictionary_slots});
  slots += header.dictionary_slots;
  model.mapped_.features = KeyView({slots, header.feature_slots});
  slots += header.feature_slots;
  const auto* full_rows = reinterpret_cast<const float*>(slots);
  model.mapped_.full_rows = {full_rows, kRowWidth * header.full_row_count};
  model.mapped_.weights = {reinterpret_cast<const Weight*>(full_rows + kRowWidth * header.full_row_count), header.weight_count};
  model.checksum_ = model_checksum;
  return model;
}

}  // namespace copydesk::tagger
