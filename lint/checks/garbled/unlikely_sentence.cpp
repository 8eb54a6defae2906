// unlikely-sentence kind: a sentence whose words do not follow one another as English
// words do, by the language model's fluency (fluency.hpp). Each sentence's mean SLOR is
// pulled towards a prior by `prior_words` words of it, so a short sentence needs stronger
// evidence than a long one; the prior is fluent news. Machine translation garbles whole
// articles: an article whose mean falls below `article_max_slor` (edited news never came
// near it) reads as machine translated, is its own prior, and its sentences are flagged
// below that mark too. The thresholds were set on held-out data (tools/garbled_fit.py,
// figures in the README).
#include <algorithm>
#include <vector>

#include <fmt/format.h>

#include "checks/garbled/fluency.hpp"
#include "engine/check.hpp"

namespace copydesk {
namespace {

class UnlikelySentence : public Check {
 public:
  explicit UnlikelySentence(const Rule& rule)
      : max_slor_(option<double>(rule, "max_slor")),
        prior_slor_(option<double>(rule, "prior_slor")),
        prior_words_(option<double>(rule, "prior_words")),
        min_scored_(option<int>(rule, "min_scored")),
        article_sentences_(option<int>(rule, "article_sentences")),
        article_max_slor_(option<double>(rule, "article_max_slor")),
        window_(option<int>(rule, "window")) {}

  void run(const Document& doc, const Resources& res, Emitter& out) const override {
    if (res.lm == nullptr) return;
    std::vector<std::pair<const Sentence*, Fluency>> scored;
    double article_sum = 0, article_words = 0;
    FluencyScorer fluency(*res.lm, res.speller, DocumentWords::of(doc, res), window_);
    for (const Sentence& s : doc.sentences()) {
      const Fluency f = fluency.score(doc, s);
      if (f.scored < min_scored_) continue;
      article_sum += f.slor * f.scored;
      article_words += f.scored;
      scored.emplace_back(&s, f);
    }
    double prior = prior_slor_;
    bool translated = false;
    if (static_cast<int>(scored.size()) >= article_sentences_) {
      const double article = article_sum / article_words;
      translated = article < article_max_slor_;
      if (translated) prior = article;
    }
    const double threshold = translated ? std::max(max_slor_, article_max_slor_) : max_slor_;
    for (const auto& [sentence, f] : scored) {
      const Sentence& s = *sentence;
      const double slor = (f.slor * f.scored + prior * prior_words_) / (f.scored + prior_words_);
      if (slor >= threshold) continue;
      // The stretch runs between scored words and may span names: words_around bounds it.
      out.report(s.begin, s.end - s.begin,
                 fmt::format("This sentence reads as garbled or word-for-word translation: “{}” is not how English "
                             "words follow one another (fluency {:.2f}, flagged below {:.2f}{}).",
                             words_around(doc.text(), f.worst_begin, f.worst_end), slor, threshold,
                             translated ? fmt::format("; the whole article reads as machine translated, {:.2f} on "
                                                      "average where edited news has about {:.1f}", prior, prior_slor_)
                                        : ""));
    }
  }

 private:
  double max_slor_, prior_slor_, prior_words_;
  int min_scored_, article_sentences_;
  double article_max_slor_;
  int window_;
};

COPYDESK_REGISTER_CHECK("unlikely-sentence", [](const Rule& rule, const LoadContext&) {
  return std::make_unique<UnlikelySentence>(rule);
},
                        {"max_slor", OptionType::Number, "0.18", "flag below this mean fluency (log10 per word)"},
                        {"prior_slor", OptionType::Number, "0.7", "the mean fluency of edited news"},
                        {"prior_words", OptionType::Number, "8", "words of the prior a sentence's mean is blended with"},
                        {"min_scored", OptionType::Integer, "5", "sentences with fewer scored words are left alone"},
                        {"article_sentences", OptionType::Integer, "5", "scored sentences an article needs for its mean to be the prior"},
                        {"article_max_slor", OptionType::Number, "0.35", "an article below this mean reads as machine translated"},
                        {"window", OptionType::Integer, "3", "words in the quoted least fluent stretch"});

}  // namespace
}  // namespace copydesk
