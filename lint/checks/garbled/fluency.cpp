#include "checks/garbled/fluency.hpp"

#include <algorithm>
#include <limits>

#include "lm/language_model.hpp"
#include "spell/speller.hpp"

namespace copydesk {
namespace {

// A word scored in its run: its SLOR, and the longest n-gram the model had for it.
struct Scored {
  const Token* token;
  double slor;
  int order;
};

// Words at least this frequent (log10, about the hundred commonest: "the", "of", "and")
// are function words: capitalized inside a sentence they are still read as words, which
// is what a sentence-initial word out of place in shuffled text looks like.
constexpr double kFunctionWordLogP = -2.5;

// The model's id for a word token, or kNone when the word is a name made of common words,
// an acronym, a code or unknown. A common word capitalized inside a sentence is part of a
// name ("United Airlines", "Foreign Minister") and says nothing of the words around it;
// a proper noun the model knows ("America", "Putin") is scored like any word.
std::int32_t model_id(const Token& t, const LanguageModel& lm, const Speller* speller) {
  if (t.letter_case == Case::Upper || t.letter_case == Case::Mixed || has_digit_or_dot(t.text)) return LanguageModel::kNone;
  const std::string& word = t.key;
  const std::int32_t id = lm.id(word);
  if (t.letter_case == Case::Capital && !t.sentence_initial && id != LanguageModel::kNone &&
      lm.unigram(id) < kFunctionWordLogP && (speller == nullptr || speller->known(word)))
    return LanguageModel::kNone;
  return id;
}

// What fluency() works in, kept by each thread from sentence to sentence: it is called
// for every sentence, and allocating these each time cost more than scoring.
struct Scratch {
  std::vector<Scored> scored;
  std::vector<std::int32_t> run;
  std::vector<const Token*> run_tokens;
  std::vector<LanguageModel::Score> scores;
};

}  // namespace

Fluency fluency(const Document& doc, const Sentence& s, const LanguageModel& lm, const Speller* speller, int window) {
  Fluency f;
  thread_local Scratch scratch;
  auto& scored = scratch.scored;
  auto& run = scratch.run;
  auto& run_tokens = scratch.run_tokens;
  auto& scores = scratch.scores;
  scored.clear();
  run.clear();
  run_tokens.clear();
  bool run_opens_sentence = true;
  const auto flush = [&] {
    if (!run.empty()) {
      lm.score_run(run, run_opens_sentence, scores);
      // The first word of a run after a break has no context: it says nothing of fluency.
      for (std::size_t i = run_opens_sentence ? 0 : 1; i < run.size(); ++i)
        scored.push_back({run_tokens[i], scores[i].logp - lm.unigram(run[i]), scores[i].order});
    }
    run.clear();
    run_tokens.clear();
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
    const std::int32_t id = model_id(t, lm, speller);
    if (id == LanguageModel::kNone) {
      f.unknown += t.letter_case == Case::Lower && !t.known;
      flush();
      continue;
    }
    run.push_back(id);
    run_tokens.push_back(&t);
  }
  flush();

  f.scored = static_cast<int>(scored.size());
  if (scored.empty()) return f;
  double sum = 0;
  int unseen = 0, trigrams = 0;
  for (const Scored& w : scored) {
    sum += w.slor;
    unseen += w.order == 1;
    trigrams += w.order >= 3;
  }
  const auto count = static_cast<double>(scored.size());
  f.slor = sum / count;
  f.unseen = unseen / count;
  f.trigrams = trigrams / count;

  const std::size_t n = std::min<std::size_t>(static_cast<std::size_t>(std::max(window, 1)), scored.size());
  f.worst_window = std::numeric_limits<double>::max();
  double in_window = 0;
  for (std::size_t i = 0; i < scored.size(); ++i) {
    in_window += scored[i].slor;
    if (i >= n) in_window -= scored[i - n].slor;
    if (i + 1 < n) continue;
    const double mean = in_window / static_cast<double>(n);
    if (mean < f.worst_window) {
      f.worst_window = mean;
      f.worst_begin = scored[i + 1 - n].token->begin;
      f.worst_end = scored[i].token->end;
    }
  }
  return f;
}

}  // namespace copydesk
