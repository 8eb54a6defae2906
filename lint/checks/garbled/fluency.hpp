// How fluent a sentence reads under a word n-gram language model of general English
// (lm/language_model.hpp), shared by garbled.unlikely-sentence and its calibration tool
// (tools/garbled_calibrate.cpp).
//
// Each word is scored by SLOR: log P(word | the words before it) less log P(word). A
// fluent sentence gains from its context (the next word is far likelier after the words
// before it than on its own); word salad and word-for-word translation lose. Subtracting
// the unigram keeps rare words from reading as garble, and averaging keeps length out.
// Names, numbers and words the model does not know are not scored: they break the
// history, and the word after them is scored only once it has context again.
#pragma once
#include <cstddef>
#include <vector>

#include "document/document.hpp"
#include "lm/language_model.hpp"

namespace copydesk {

class Speller;

struct Fluency {
  int scored = 0;           // words scored with at least one word of context
  int words = 0;            // words in the sentence
  int unknown = 0;          // lower-case words that neither the model nor a dictionary knows
  double slor = 0;          // mean SLOR (log10) of the scored words
  double unseen = 0;        // share of scored words the model never saw after the word before
  double trigrams = 0;      // share of scored words the model saw after the two words before
  double worst_window = 0;  // lowest mean SLOR of `window` consecutive scored words
  std::size_t worst_begin = 0, worst_end = 0;  // byte span of that stretch
};

// Scores sentence after sentence in working buffers it keeps, so that scoring every
// sentence of a long input allocates nothing per sentence. The speller tells proper nouns
// from capitalized common words; without one, every capitalized word inside the sentence
// is taken for a name.
class FluencyScorer {
 public:
  FluencyScorer(const LanguageModel& lm, const Speller* speller, int window)
      : lm_(lm), speller_(speller), window_(window) {}
  Fluency score(const Document& doc, const Sentence& s);

 private:
  // A word scored in its run: its SLOR, and the longest n-gram the model had for it.
  struct Scored {
    const Token* token;
    double slor;
    int order;
  };
  const LanguageModel& lm_;
  const Speller* speller_;
  int window_;
  std::vector<Scored> scored_;
  std::vector<std::int32_t> run_;
  std::vector<const Token*> run_tokens_;
  std::vector<LanguageModel::Score> run_scores_;
};

}  // namespace copydesk
