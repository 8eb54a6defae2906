// The averaged perceptron behind the tagger: feature weights, tag dictionary and lexicon, and
// the model file that holds them. tools/train_tagger builds and writes one; Tagger::load reads it.
//
// Two files hold a model. The .model file (models/en-pos.model) is what training writes
// and the repository ships: compact, checksummed, read entry by entry. The compiled
// form (en-pos.bin, made by tools/build_tagger at build time) is its tables exactly as
// they sit in memory, so a run maps it in a few system calls instead of parsing and
// hashing 700,000 weights; its header names the format version, the tag set and the
// checksum of the .model it was made from, and any mismatch makes it unused.
#pragma once
#include <array>
#include <filesystem>
#include <limits>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "base/mapped_file.hpp"
#include "base/pos.hpp"
#include "tagger/features.hpp"
#include "tagger/key_table.hpp"

namespace copydesk::tagger {

class PerceptronModel {
 public:
  struct Weight {
    Pos tag;
    float value;
  };
  // A feature with weights for an eighth of the tags or more has a full row: a weight for
  // every Pos value, zero for the tags it has none for (which changes no score). Adding a
  // full row is a plain vector sum, quicker than adding its weights tag by tag. Its width is
  // rounded up to whole vectors of eight floats. Such features are the ones a model sees
  // most (every weight comes from a mistake made with the feature there).
  static constexpr std::size_t kRowWidth = (static_cast<std::size_t>(Pos::Count) + 7) / 8 * 8;
  // Scores a word's tags are summed in: room for every tag a byte may name, masked to it, so
  // a damaged compiled file cannot write outside.
  static constexpr std::size_t kScores = 64;
  static_assert(kRowWidth <= kScores);

  // tags: those the model chooses among, in the order ties are broken.
  PerceptronModel(std::vector<Pos> tags, Lexicon lexicon);

  void add_dictionary_word(FeatureKey word, Pos tag);
  // weights: each tag at most once.
  void add_feature(FeatureKey feature, std::span<const Weight> weights);

  // The tag of a word that is unambiguous enough to skip scoring, if it is one.
  std::optional<Pos> dictionary_tag(FeatureKey word) const;
  // The lexicon's table, for SentenceFeatures.
  KeyView lexicon() const { return tables().lexicon; }
  // Where a feature's weights are, found once to be added many times: a full row, a run of
  // weights, or nothing (0, as for a feature the model does not have).
  using Row = std::uint64_t;
  static constexpr Row kFullRow = Row{1} << 63;  // | index of the full row, else: first weight | weight count << 32
  // Fills rows[i] with the row of features[i] (rows.size() == features.size()).
  void rows(std::span<const FeatureKey> features, std::span<Row> rows) const;

  // Scores of the tags, by Pos value, as rows are summed into them.
  using Scores = std::array<float, kRowWidth>;
  // The scores of no feature, where every sum starts.
  const Scores& no_scores() const { return start_; }
  // Adds the rows, in their order, to scores (a float sum depends on the order). A row 0
  // adds nothing.
  void add_rows(std::span<const Row> rows, Scores& scores) const;
  // The highest scoring tag given the scores of a word's first features (as add_rows made
  // them) and the rows of the others, added in their order; ties go to the tag first in the
  // model's order.
  Pos best_tag_of_rows(const Scores& scores, std::span<const Row> rows) const;
  Pos best_tag_of_rows(std::span<const Row> rows) const { return best_tag_of_rows(start_, rows); }
  // The highest scoring tag given the features of a word.
  Pos best_tag(std::span<const FeatureKey> features) const;

  std::size_t feature_count() const;
  std::size_t weight_count() const;
  std::size_t dictionary_size() const;

  // Both throw std::runtime_error naming the file and what went wrong.
  void write(const std::filesystem::path& file) const;
  static PerceptronModel read(const std::filesystem::path& file);

  // The checksum a .model file ends with, which names the model (0 when it cannot be read).
  static std::uint64_t model_checksum(const std::filesystem::path& model);
  // The bytes of the compiled form, for the build to write (whole, beside and renamed
  // over: a running process may have the old one mapped).
  std::string compiled() const;
  // Maps a compiled file made from the .model with this checksum; nothing when the file
  // is missing, of another version or tag set, or made from another model. Throws
  // std::runtime_error when it claims to be one but is damaged.
  static std::optional<PerceptronModel> map(const std::filesystem::path& file, std::uint64_t model_checksum);

 private:
  struct Tables {
    KeyView lexicon;        // lexicon key -> TagSet
    KeyView dictionary;     // word key -> Pos
    KeyView features;       // feature key -> Row
    std::span<const float> full_rows;  // kRowWidth floats a row
    std::span<const Weight> weights;
  };
  PerceptronModel() = default;
  Tables tables() const;
  // Sets what best_tag_of_rows needs of tags_.
  void rank_tags();

  std::vector<Pos> tags_;
  // By Pos value: where scores start (0 for the model's tags; minus infinity for the others,
  // which stay there and so never win), and the tag's place in tags_ (kUnranked if none).
  static constexpr std::int32_t kUnranked = std::numeric_limits<std::int32_t>::max();
  Scores start_{};
  std::array<std::int32_t, kRowWidth> rank_{};
  // Built or read from a .model file…
  KeyTable dictionary_;
  Lexicon lexicon_;
  KeyTable features_;
  std::vector<float> full_rows_;
  std::vector<Weight> weights_;
  // …or mapped from a compiled one.
  std::shared_ptr<const MappedFile> mapping_;  // the compiled model's file, when mapped
  Tables mapped_;
  std::uint64_t checksum_ = 0;  // of the .model read, which compiled() records
};

}  // namespace copydesk::tagger
