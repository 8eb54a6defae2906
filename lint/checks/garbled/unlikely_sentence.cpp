// unlikely-sentence kind: a sentence whose garble score (sentence_score.hpp) is high both
// on its own and against the rest of the article, so an article that is simply written
// in an unusual register is not flagged from top to bottom.
#include <algorithm>

#include <fmt/format.h>

#include "checks/garbled/sentence_score.hpp"
#include "engine/check.hpp"

namespace copydesk {
namespace {

class UnlikelySentence : public Check {
 public:
  UnlikelySentence(const Rule& rule, const LoadContext& ctx)
      : model_(load(rule, ctx)),
        threshold_(option<double>(rule, "threshold", 3.0)),
        margin_(option<double>(rule, "margin", 2.0)),
        min_words_(option<std::size_t>(rule, "min_words", 6)) {}

  void run(const Document& doc, const Resources&, Emitter& out) const override {
    const auto& sentences = doc.sentences();
    if (sentences.empty() || doc.tokens()[sentences[0].first_token].pos == Pos::None) return;
    std::vector<double> totals;
    for (const Sentence& s : sentences) totals.push_back(garble_score(doc, s, model_).total);
    std::vector<double> sorted = totals;
    std::nth_element(sorted.begin(), sorted.begin() + sorted.size() / 2, sorted.end());
    // Too few sentences make no article to stand out from.
    const double median = sorted.size() >= 3 ? sorted[sorted.size() / 2] : -margin_;
    for (std::size_t i = 0; i < sentences.size(); ++i) {
      const Sentence& s = sentences[i];
      if (totals[i] < threshold_ || totals[i] < median + margin_ || s.token_count() < min_words_) continue;
      if (doc.paragraphs()[s.paragraph].heading_like) continue;
      out.report(s.begin, s.end - s.begin,
                 fmt::format("“{}” reads like garbled machine translation (score {:.1f}).",
                             doc.sentence_text(s), totals[i]));
    }
  }

 private:
  static TagNgramModel load(const Rule& rule, const LoadContext& ctx) {
    const std::string name = option<std::string>(rule, "model", "garbled/tag-trigrams.txt");
    try {
      return TagNgramModel(ctx.resolve(rule, name));
    } catch (const std::runtime_error& e) {
      config_error(rule.origin, rule.options["model"], e.what());
    }
  }

  TagNgramModel model_;
  double threshold_, margin_;
  std::size_t min_words_;
};

COPYDESK_REGISTER_CHECK("unlikely-sentence", [](const Rule& rule, const LoadContext& ctx) {
  return std::make_unique<UnlikelySentence>(rule, ctx);
});

}  // namespace
}  // namespace copydesk
