// The averaged perceptron behind the tagger: feature weights, tag dictionary and lexicon, and
// the model file that holds them. tools/train_tagger builds and writes one; Tagger::load reads it.
#pragma once
#include <filesystem>
#include <optional>
#include <span>
#include <vector>

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

  // tags: those the model chooses among, in the order ties are broken.
  PerceptronModel(std::vector<Pos> tags, Lexicon lexicon);

  void add_dictionary_word(FeatureKey word, Pos tag);
  void add_feature(FeatureKey feature, std::span<const Weight> weights);

  // The tag of a word that is unambiguous enough to skip scoring, if it is one.
  std::optional<Pos> dictionary_tag(FeatureKey word) const;
  const Lexicon& lexicon() const { return lexicon_; }
  // The highest scoring tag given the features of a word.
  Pos best_tag(std::span<const FeatureKey> features) const;

  std::size_t feature_count() const { return features_.size(); }
  std::size_t weight_count() const { return weights_.size(); }
  std::size_t dictionary_size() const { return dictionary_.size(); }

  // Both throw std::runtime_error naming the file and what went wrong.
  void write(const std::filesystem::path& file) const;
  static PerceptronModel read(const std::filesystem::path& file);

 private:
  std::vector<Pos> tags_;
  KeyTable dictionary_;  // word key -> Pos
  Lexicon lexicon_;
  KeyTable features_;    // feature key -> row
  std::vector<std::uint32_t> row_starts_{0};  // row r is weights_[row_starts_[r], row_starts_[r + 1])
  std::vector<Weight> weights_;
};

}  // namespace copydesk::tagger
