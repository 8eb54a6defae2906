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

#include "checks/shared/document_words.hpp"
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

// Scores the sentences of one document in working buffers it keeps, so that scoring every
// sentence of a long input allocates nothing per sentence. The speller tells proper nouns
// from capitalized common words; without one, every capitalized word inside the sentence
// is taken for a name. `words` are the document's (DocumentWords::of): what the model and
// the speller say of a key is looked up once per distinct key, not once per word.
class FluencyScorer {
 public:
  FluencyScorer(const LanguageModel& lm, const Speller* speller, const DocumentWords& words, int window)
      : lm_(lm), speller_(speller), words_(words), window_(window),
        lm_ids_(words.distinct(), kNotLooked), known_(words.distinct(), kNotLooked) {}
  Fluency score(const Document& doc, const Sentence& s);

 private:
  static constexpr std::int32_t kNotLooked = -2;  // in lm_ids_ and known_: not asked yet
  // The model's id for a word token, or LanguageModel::kNone (see fluency.cpp).
  std::int32_t model_id(const Token& t, std::uint32_t token);

  // A word scored in its run: its SLOR, and the longest n-gram the model had for it.
  struct Scored {
    const Token* token;
    double slor;
    int order;
  };
  const LanguageModel& lm_;
  const Speller* speller_;
  const DocumentWords& words_;
  int window_;
  std::vector<std::int32_t> lm_ids_;  // by word id: LanguageModel::id of the key
  std::vector<std::int32_t> known_;   // by word id: whether the speller knows the key (0 or 1)
  std::vector<Scored> scored_;
  std::vector<std::int32_t> run_;
  std::vector<const Token*> run_tokens_;
  std::vector<LanguageModel::Score> run_scores_;
};

}  // namespace copydesk
