#include "tagger/perceptron.hpp"

#include <array>
#include <bit>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <string>

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

}  // namespace

PerceptronModel::PerceptronModel(std::vector<Pos> tags, Lexicon lexicon)
    : tags_(std::move(tags)), lexicon_(std::move(lexicon)) {}

void PerceptronModel::add_dictionary_word(FeatureKey word, Pos tag) {
  dictionary_.insert(word, static_cast<std::uint32_t>(tag));
}

void PerceptronModel::add_feature(FeatureKey feature, std::span<const Weight> weights) {
  features_.insert(feature, static_cast<std::uint32_t>(row_starts_.size() - 1));
  weights_.insert(weights_.end(), weights.begin(), weights.end());
  row_starts_.push_back(static_cast<std::uint32_t>(weights_.size()));
}

std::optional<Pos> PerceptronModel::dictionary_tag(FeatureKey word) const {
  if (const std::uint64_t* tag = dictionary_.find(word)) return static_cast<Pos>(*tag);
  return std::nullopt;
}

Pos PerceptronModel::best_tag(std::span<const FeatureKey> features) const {
  std::array<float, static_cast<std::size_t>(Pos::Count)> scores{};
  for (FeatureKey f : features) {
    const std::uint64_t* row = features_.find(f);
    if (!row) continue;
    for (std::uint32_t w = row_starts_[*row]; w < row_starts_[*row + 1]; ++w) {
      scores[static_cast<std::size_t>(weights_[w].tag)] += weights_[w].value;
    }
  }
  // Only the model's own tags compete: the rest score 0, which could beat a negative best.
  Pos best = tags_.empty() ? Pos::None : tags_.front();
  for (Pos t : tags_) {
    if (scores[static_cast<std::size_t>(t)] > scores[static_cast<std::size_t>(best)]) best = t;
  }
  return best;
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
  for (const KeyTable::Slot& s : features_.slots()) {
    if (s.key == 0) continue;
    out.integer(s.key);
    out.integer(static_cast<std::uint8_t>(row_starts_[s.value + 1] - row_starts_[s.value]));
    for (std::uint32_t w = row_starts_[s.value]; w < row_starts_[s.value + 1]; ++w) {
      out.integer(index_of[static_cast<std::size_t>(weights_[w].tag)]);
      out.real(weights_[w].value);
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
  model.row_starts_.reserve(feature_count + 1);
  model.weights_.reserve(bytes.size() / 5);  // a weight takes five bytes in the file
  std::vector<Weight> row;
  for (std::uint32_t i = 0; i < feature_count; ++i) {
    const auto feature = in.integer<std::uint64_t>();
    if (feature == 0) in.fail("zero feature key");
    row.resize(in.integer<std::uint8_t>());
    for (Weight& w : row) {
      w.tag = tag_at(in.integer<std::uint8_t>());
      w.value = in.real();
    }
    model.add_feature(feature, row);
  }
  in.bytes(8);
  if (!in.at_end()) in.fail("unexpected bytes after the checksum");
  return model;
}

}  // namespace copydesk::tagger
