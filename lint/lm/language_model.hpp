// A word n-gram language model of general English: Debian's pocketsphinx-en-us 3-gram
// model (lower-case words, no punctuation), read with sphinxbase. Shared by every worker
// thread: sphinxbase's scorer writes a cache inside the model, so scoring is serialised.
#pragma once
#include <atomic>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string_view>
#include <vector>

struct ngram_model_s;
struct logmath_s;

namespace copydesk {

class LanguageModel {
 public:
  static constexpr std::int32_t kNone = -1;  // not in the vocabulary

  explicit LanguageModel(const std::filesystem::path& file);  // throws std::runtime_error
  ~LanguageModel();
  LanguageModel(const LanguageModel&) = delete;
  LanguageModel& operator=(const LanguageModel&) = delete;

  // The model installed by the pocketsphinx-en-us package (may not exist).
  static std::filesystem::path system_path();

  // The id of a lower-case word, or kNone.
  std::int32_t id(std::string_view lower_word) const;
  // log10 P(word), the unigram probability.
  double unigram(std::int32_t id) const {
    const float known = unigram_[static_cast<std::size_t>(id)].load(std::memory_order_relaxed);
    return std::isnan(known) ? compute_unigram(id) : known;
  }
  struct Score {
    double logp;  // log10 P(word | history)
    int order;    // the longest n-gram the model has for it: 1 means no word pair was seen
  };
  // The score of each word of a run of in-vocabulary ids; the history is the sentence
  // start when the run opens the sentence, else empty.
  std::vector<Score> score_run(const std::vector<std::int32_t>& ids, bool sentence_start) const;
  int order() const { return order_; }

 private:
  ngram_model_s* model_ = nullptr;
  logmath_s* logmath_ = nullptr;
  // By id, each worked out when first asked for (NaN until then): an article asks for a
  // few hundred of the 72,500, and working out all of them was a sixth of loading.
  std::unique_ptr<std::atomic<float>[]> unigram_;
  double compute_unigram(std::int32_t id) const;
  int order_ = 0;
  std::int32_t sentence_start_ = kNone, sentence_end_ = kNone;
  mutable std::mutex mutex_;
};

}  // namespace copydesk
