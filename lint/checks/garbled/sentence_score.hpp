// The garble score of a sentence, shared by garbled.unlikely-sentence and the calibration
// tool (tools/garbled_calibrate.cpp): how unlikely its tag sequence is under a tag
// trigram model, plus unknown words, doubled words and broken agreement.
#pragma once
#include <filesystem>
#include <iosfwd>
#include <unordered_map>
#include <vector>

#include "document/document.hpp"

namespace copydesk {

// Tag n-gram counts; sentence boundaries are symbols of their own.
class TagNgramCounts {
 public:
  void add(const std::vector<Pos>& sentence);
  // One n-gram a line: its tags by name, then its count.
  void write(std::ostream& out) const;

 protected:
  std::unordered_map<std::uint32_t, std::uint32_t> counts_;  // key: packed 1-, 2- and 3-grams
};

// Interpolated trigram probabilities over the counts written by TagNgramCounts.
class TagNgramModel : TagNgramCounts {
 public:
  explicit TagNgramModel(const std::filesystem::path& file);  // throws std::runtime_error
  // Negative log probabilities (natural log) of a sentence's tags, end included: their
  // mean, and how many fall under `rare` (a tag sequence English hardly ever has).
  struct Surprise {
    double mean = 0;
    int rare = 0;
  };
  Surprise surprise(const std::vector<Pos>& sentence, double rare) const;

 private:
  std::uint32_t count(std::uint32_t key) const;
  double total_ = 0;
};

struct GarbleScore {
  double tags = 0;       // mean tag surprise of the sentence
  int rare = 0;          // tags that are very unlikely where they stand
  double unknown = 0;    // share of lower-case words no dictionary knows
  int doubled = 0;       // the same word twice in a row
  int agreement = 0;     // "he say", "they says", "a documents"
  double total = 0;      // the weighted sum that the rule thresholds
};

GarbleScore garble_score(const Document& doc, const Sentence& s, const TagNgramModel& model);

}  // namespace copydesk
