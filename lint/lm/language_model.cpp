#include "lm/language_model.hpp"

#include <limits>
#include <stdexcept>
#include <string>

#include <fmt/format.h>
#include <sphinxbase/err.h>
#include <sphinxbase/logmath.h>
#include <sphinxbase/ngram_model.h>

namespace copydesk {

std::filesystem::path LanguageModel::system_path() {
  return "/usr/share/pocketsphinx/model/en-us/en-us.lm.bin";
}

LanguageModel::LanguageModel(const std::filesystem::path& file) {
  err_set_logfp(nullptr);  // sphinxbase logs every load step to stderr otherwise
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec))
    throw std::runtime_error(fmt::format("language model {} not found (install pocketsphinx-en-us)", file.string()));
  logmath_ = logmath_init(1.0001, 0, 0);
  model_ = ngram_model_read(nullptr, file.c_str(), NGRAM_AUTO, logmath_);
  if (model_ == nullptr) {
    logmath_free(logmath_);
    throw std::runtime_error(fmt::format("cannot read language model {}", file.string()));
  }
  order_ = ngram_model_get_size(model_);
  const std::size_t n = ngram_model_get_counts(model_)[0];
  unigram_ = std::make_unique<std::atomic<float>[]>(n);
  for (std::size_t w = 0; w < n; ++w) unigram_[w].store(std::numeric_limits<float>::quiet_NaN(), std::memory_order_relaxed);
  sentence_start_ = ngram_wid(model_, "<s>");
  sentence_end_ = ngram_wid(model_, "</s>");
}

LanguageModel::~LanguageModel() {
  ngram_model_free(model_);
  logmath_free(logmath_);
}

double LanguageModel::compute_unigram(std::int32_t id) const {
  std::int32_t used = 0;
  float logp = 0;
  {
    std::lock_guard lock(mutex_);  // the scorer is not known to be safe beside score_run
    logp = static_cast<float>(logmath_log_to_log10(logmath_, ngram_ng_prob(model_, id, nullptr, 0, &used)));
  }
  // Two threads that both work it out store the same value.
  unigram_[static_cast<std::size_t>(id)].store(logp, std::memory_order_relaxed);
  return logp;
}

std::int32_t LanguageModel::id(std::string_view lower_word) const {
  // ngram_wid needs a NUL-terminated string; words are short, so this stays on the stack.
  char buffer[64];
  if (lower_word.empty() || lower_word.size() >= sizeof buffer) return kNone;
  lower_word.copy(buffer, lower_word.size());
  buffer[lower_word.size()] = '\0';
  const std::int32_t w = ngram_wid(model_, buffer);
  // The sentence markers are symbols of the model, not words of a text.
  return w == ngram_unknown_wid(model_) || w == sentence_start_ || w == sentence_end_ ? kNone : w;
}

std::vector<LanguageModel::Score> LanguageModel::score_run(const std::vector<std::int32_t>& ids, bool sentence_start) const {
  std::vector<Score> out;
  out.reserve(ids.size());
  std::int32_t history[2] = {sentence_start ? sentence_start_ : kNone, kNone};  // most recent first
  std::int32_t known_history = sentence_start && sentence_start_ != kNone ? 1 : 0;
  std::lock_guard lock(mutex_);
  for (std::int32_t w : ids) {
    std::int32_t used = 0;
    const std::int32_t logp = ngram_ng_prob(model_, w, history, known_history, &used);
    out.push_back({logmath_log_to_log10(logmath_, logp), used});
    history[1] = history[0];
    history[0] = w;
    known_history = std::min<std::int32_t>(known_history + 1, order_ - 1);
  }
  return out;
}

}  // namespace copydesk
