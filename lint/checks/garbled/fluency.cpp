#include "checks/garbled/fluency.hpp"

#include <algorithm>
#include <limits>

#include "spell/speller.hpp"

namespace copydesk {
namespace {

// Words at least this frequent (log10, about the hundred commonest: "the", "of", "and")
// are function words: capitalized inside a sentence they are still read as words, which
// is what a sentence-initial word out of place in shuffled text looks like.
constexpr double kFunctionWordLogP = -2.5;

}  // namespace

// The model's id for a word token, or kNone when the word is a name made of common words,
// an acronym, a code or unknown. A common word capitalized inside a sentence is part of a
// name ("United Airlines", "Foreign Minister") and says nothing of the words around it;
// a proper noun the model knows ("America", "Putin") is scored like any word.
std::int32_t FluencyScorer::model_id(const Token& t, std::uint32_t token) {
  if (t.letter_case == Case::Upper || t.letter_case == Case::Mixed || t.digit_or_dot) return LanguageModel::kNone;
  const std::uint32_t word = words_.id_of_token(token);
  if (lm_ids_[word] == kNotLooked) lm_ids_[word] = lm_.id(t.key);
  const std::int32_t id = lm_ids_[word];
  if (t.letter_case != Case::Capital || t.sentence_initial || id == LanguageModel::kNone ||
      lm_.unigram(id) >= kFunctionWordLogP)
    return id;
  if (speller_ == nullptr) return LanguageModel::kNone;
  if (known_[word] == kNotLooked) known_[word] = speller_->known(t.key) ? 1 : 0;
  return known_[word] == 1 ? LanguageModel::kNone : id;
}

Fluency FluencyScorer::score(const Document& doc, const Sentence& s) {
  Fluency f;
  scored_.clear();
  run_.clear();
  run_tokens_.clear();
  bool run_opens_sentence = true;
  const auto flush = [&] {
    if (!run_.empty()) {
      lm_.score_run(run_, run_opens_sentence, run_scores_);
      // The first word of a run after a break has no context: it says nothing of fluency.
      for (std::size_t i = run_opens_sentence ? 0 : 1; i < run_.size(); ++i)
        scored_.push_back({run_tokens_[i], run_scores_[i].logp - lm_.unigram(run_[i]), run_scores_[i].order});
    }
    run_.clear();
    run_tokens_.clear();
    run_opens_sentence = false;
  };
  const auto& tokens = doc.tokens();
  for (std::uint32_t k = s.first_token; k < s.last_token; ++k) {
    const Token& t = tokens[k];
    if (t.kind == TokenKind::Punct) continue;  // the model was trained without punctuation
    if (t.kind != TokenKind::Word) {
      flush();
      continue;
    }
    ++f.words;
    const std::int32_t id = model_id(t, k);
    if (id == LanguageModel::kNone) {
      f.unknown += t.letter_case == Case::Lower && !t.known;
      flush();
      continue;
    }
    run_.push_back(id);
    run_tokens_.push_back(&t);
  }
  flush();

  f.scored = static_cast<int>(scored_.size());
  if (scored_.empty()) return f;
  double sum = 0;
  int unseen = 0, trigrams = 0;
  for (const Scored& w : scored_) {
    sum += w.slor;
    unseen += w.order == 1;
    trigrams += w.order >= 3;
  }
  const auto count = static_cast<double>(scored_.size());
  f.slor = sum / count;
  f.unseen = unseen / count;
  f.trigrams = trigrams / count;

  const std::size_t n = std::min<std::size_t>(static_cast<std::size_t>(std::max(window_, 1)), scored_.size());
  f.worst_window = std::numeric_limits<double>::max();
  double in_window = 0;
  for (std::size_t i = 0; i < scored_.size(); ++i) {
    in_window += scored_[i].slor;
    if (i >= n) in_window -= scored_[i - n].slor;
    if (i + 1 < n) continue;
    const double mean = in_window / static_cast<double>(n);
    if (mean < f.worst_window) {
      f.worst_window = mean;
      f.worst_begin = scored_[i + 1 - n].token->begin;
      f.worst_end = scored_[i].token->end;
    }
  }
  return f;
}

}  // namespace copydesk
