// PerceptronModel::add_rows and best_tag_of_rows add rows eight floats at a time and find the
// best tag with vector comparisons: they must give exactly the sums and the tag of the plain
// computation (each tag's weights added one by one in the rows' order, the first tag in the
// model's order kept on a tie), whatever mix of full and sparse rows, signs, magnitudes and
// ties, and wherever the sum is split into a kept first part and the rest.
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cmath>
#include <random>
#include <span>
#include <vector>

#include "base/pos.hpp"
#include "tagger/perceptron.hpp"

namespace {

using copydesk::Pos;
using copydesk::tagger::FeatureKey;
using copydesk::tagger::PerceptronModel;

constexpr auto kTagCount = static_cast<std::size_t>(Pos::Count);

// A model of random features, each weighing a random set of the model's tags, and the
// weights it was given, for the plain computation.
struct RandomModel {
  std::vector<Pos> tags;
  std::vector<std::vector<PerceptronModel::Weight>> features;  // feature i has key i + 1
  PerceptronModel model;
};

RandomModel random_model(std::mt19937& random, std::size_t tag_count) {
  std::vector<Pos> all;
  for (std::size_t t = 1; t < kTagCount; ++t) all.push_back(static_cast<Pos>(t));
  std::shuffle(all.begin(), all.end(), random);
  all.resize(tag_count);
  RandomModel made{all, {}, PerceptronModel(all, {})};
  // Weights of a few kinds: small halves, which tie and cancel exactly; and mixed
  // magnitudes, whose sums depend on the order they are added in.
  std::uniform_int_distribution<int> halves(-8, 8);
  std::uniform_real_distribution<float> wide(-1.0F, 1.0F);
  std::uniform_int_distribution<int> scale(-12, 12);
  for (std::size_t f = 0; f < 200; ++f) {
    std::vector<Pos> weighed = all;
    std::shuffle(weighed.begin(), weighed.end(), random);
    // Sparse (fewer than an eighth of the tags) and full rows alike.
    weighed.resize(std::uniform_int_distribution<std::size_t>(1, tag_count)(random));
    std::vector<PerceptronModel::Weight> weights;
    for (Pos tag : weighed) {
      const float value = f % 2 ? static_cast<float>(halves(random)) / 2 : std::ldexp(wide(random), scale(random));
      if (value != 0) weights.push_back({tag, value});
    }
    made.model.add_feature(f + 1, weights);
    made.features.push_back(weights);
  }
  return made;
}

// The plain computation: tag by tag, weight by weight, in order; a later tag wins only with
// a higher score.
std::array<float, kTagCount> plain_scores(const RandomModel& m, const std::vector<std::size_t>& features) {
  std::array<float, kTagCount> scores{};
  for (std::size_t f : features)
    for (const PerceptronModel::Weight& w : m.features[f]) scores[static_cast<std::size_t>(w.tag)] += w.value;
  return scores;
}

Pos plain_best_tag(const RandomModel& m, const std::vector<std::size_t>& features) {
  const std::array<float, kTagCount> scores = plain_scores(m, features);
  Pos best = m.tags.front();
  for (Pos tag : m.tags)
    if (scores[static_cast<std::size_t>(tag)] > scores[static_cast<std::size_t>(best)]) best = tag;
  return best;
}

}  // namespace

TEST_CASE("the perceptron's vector sums choose the tag the plain sum chooses", "[tagger]") {
  std::mt19937 random(11);
  // The shipped model's 49 tags; one tag; and a few, where every row is full.
  for (std::size_t tag_count : {std::size_t{49}, std::size_t{1}, std::size_t{5}, kTagCount - 1}) {
    CAPTURE(tag_count);
    const RandomModel m = random_model(random, tag_count);
    std::size_t sparse_rows = 0;
    for (int trial = 0; trial < 2000; ++trial) {
      std::vector<std::size_t> features(std::uniform_int_distribution<std::size_t>(0, 60)(random));
      for (std::size_t& f : features) f = std::uniform_int_distribution<std::size_t>(0, m.features.size() - 1)(random);
      std::vector<FeatureKey> keys;
      for (std::size_t f : features) keys.push_back(f + 1);
      std::vector<PerceptronModel::Row> rows(keys.size());
      m.model.rows(keys, rows);
      for (PerceptronModel::Row row : rows) sparse_rows += row != 0 && !(row & PerceptronModel::kFullRow);
      // Rows the model lacks (0) are skipped.
      rows.insert(rows.begin() + static_cast<std::ptrdiff_t>(rows.size() / 2), 0);
      const Pos plain = plain_best_tag(m, features);
      CHECK(m.model.best_tag_of_rows(rows) == plain);
      // The first rows summed apart, and the rest added to their sum: the same sums, to the
      // last bit, and the same tag.
      const auto split = rows.begin() + static_cast<std::ptrdiff_t>(rows.size() / 3);
      PerceptronModel::Scores leading = m.model.no_scores();
      m.model.add_rows(std::span(rows.begin(), split), leading);
      CHECK(m.model.best_tag_of_rows(leading, std::span(split, rows.end())) == plain);
      PerceptronModel::Scores all = leading;
      m.model.add_rows(std::span(split, rows.end()), all);
      const std::array<float, kTagCount> expected = plain_scores(m, features);
      for (Pos tag : m.tags) CHECK(all[static_cast<std::size_t>(tag)] == expected[static_cast<std::size_t>(tag)]);
    }
    if (tag_count >= 16) CHECK(sparse_rows > 0);
  }
}

TEST_CASE("the perceptron breaks a tie by the model's order of tags, not by tag number", "[tagger]") {
  // Tags listed out of their numeric order: with no features every score is 0, and the
  // model's first tag wins; a feature lifting two tags alike leaves the first of those two.
  PerceptronModel model({Pos::VBZ, Pos::DT, Pos::NN, Pos::Comma}, {});
  CHECK(model.best_tag_of_rows({}) == Pos::VBZ);
  const std::vector<PerceptronModel::Weight> lift = {{Pos::Comma, 2.5F}, {Pos::NN, 2.5F}};
  model.add_feature(1, lift);
  std::array<PerceptronModel::Row, 1> rows{};
  const std::array<FeatureKey, 1> keys = {1};
  model.rows(keys, rows);
  CHECK(model.best_tag_of_rows(rows) == Pos::NN);
  // A negative score for every tag of the model: the tags it does not have (which would
  // score 0) still never win.
  const std::vector<PerceptronModel::Weight> lower = {
      {Pos::VBZ, -3.0F}, {Pos::DT, -1.0F}, {Pos::NN, -2.0F}, {Pos::Comma, -4.0F}};
  model.add_feature(2, lower);
  const std::array<FeatureKey, 1> lower_key = {2};
  model.rows(lower_key, rows);
  CHECK(model.best_tag_of_rows(rows) == Pos::DT);
}
