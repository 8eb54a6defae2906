// real-word-slip kind: a real word typed for another inside a well-known name ("the
// Untied Nations", "the Whtie House" is the spelling kind's). No dictionary sees it: the
// word is right, the phrase is not. For each capitalized word of a run of capitalized
// words, the words one slip of the fingers away (Lexicon::near, typing_slip) are put in
// its place and the three-word window around it is scored with the language model; a
// candidate that makes the window far more probable, by `margin` in log10, is reported.
// Only slips inside a word of `min_length` letters or more count: a different first or
// last letter more often makes another name or another form of the word.
#include <fmt/format.h>

#include "checks/shared/document_words.hpp"
#include "engine/check.hpp"
#include "lm/language_model.hpp"
#include "spell/lexicon.hpp"

namespace copydesk {
namespace {

class RealWordSlip : public Check {
 public:
  RealWordSlip(const Rule& rule, const LoadContext& context)
      : margin_(option<double>(rule, "margin")),
        min_length_(option<std::size_t>(rule, "min_length")), lexicon_(context.lexicon()) {}

  void run(const Document& doc, const Resources& res, Emitter& out) const override {
    if (res.lm == nullptr) return;
    const LanguageModel& lm = *res.lm;
    const auto& tokens = doc.tokens();
    auto capitalized = [&](std::size_t k) {
      return k < tokens.size() && tokens[k].kind == TokenKind::Word && tokens[k].letter_case == Case::Capital;
    };
    // Names recur through a text: the model's id of each word is looked up once, kept by
    // the id of its key. The key, not the text, as the model spells apostrophes straight
    // ("nation's" for "Nation’s").
    const DocumentWords& words = DocumentWords::of(doc, res);
    constexpr std::int32_t kNotLooked = -2;
    std::vector<std::int32_t> model_ids(words.distinct(), kNotLooked);
    const auto model_id = [&](std::size_t k) {
      const std::uint32_t word = words.id_of_token(static_cast<std::uint32_t>(k));
      if (word == DocumentWords::kNoId) return lm.id(tokens[k].key);
      if (model_ids[word] == kNotLooked) model_ids[word] = lm.id(tokens[k].key);
      return model_ids[word];
    };
    StringMap<std::vector<std::string_view>> candidates_of;  // the lexicon's words, by the word typed
    for (std::size_t k = 1; k + 1 < tokens.size(); ++k) {
      const Token& t = tokens[k];
      // Inside a name: capitalized, not opening the sentence, beside another capital.
      if (!capitalized(k) || !t.known || t.sentence_initial || !(capitalized(k - 1) || capitalized(k + 1))) continue;
      if (tokens[k - 1].sentence != t.sentence || tokens[k + 1].sentence != t.sentence) continue;
      const std::string_view word = t.key;
      if (word.size() < min_length_) continue;  // "Inn", "Ford", "Gold": short names are as often words
      // The word itself first: most capitalized words beside a capital are names the model
      // lacks, and then the words around them need no look-up.
      const std::int32_t self = model_id(k);
      if (self == LanguageModel::kNone) continue;
      const std::int32_t before = model_id(k - 1);
      if (before == LanguageModel::kNone) continue;
      const std::int32_t after = model_id(k + 1);
      if (after == LanguageModel::kNone) continue;
      // A slip makes a rarer word ("Untied" for "United"): only more common candidates
      // are scored, and the phrase only when there is one. Names recur through a text, so
      // each word's candidates are looked for once.
      const auto [known_word, fresh] = candidates_of.try_emplace(std::string(word));
      std::vector<std::string_view>& candidates = known_word->second;
      if (fresh) {
        const double frequency = lm.unigram(self);
        for (const Lexicon::Near& n : lexicon_->near(word, 1))
          if (n.log_frequency > frequency && inside(word, n.word) && typing_slip(word, n.word)) candidates.push_back(n.word);
      }
      if (candidates.empty()) continue;
      const double written = total(lm.score_run({before, self, after}, false));
      std::string_view best;
      double best_score = written + margin_;
      for (const std::string_view candidate : candidates) {
        const double score = total(lm.score_run({before, lm.id(candidate), after}, false));
        if (score > best_score) {
          best_score = score;
          best = candidate;
        }
      }
      if (best.empty()) continue;
      std::string meant(best);
      meant[0] = static_cast<char>(meant[0] - 'a' + 'A');
      out.report(t.begin, t.size(),
                 fmt::format("“{} {} {}” looks like a slip for “{} {} {}”.", tokens[k - 1].text, t.text, tokens[k + 1].text,
                             tokens[k - 1].text, meant, tokens[k + 1].text),
                 {meant});
    }
  }

 private:
  // The two spellings differ neither in the first letter (names differ there: Cay /
  // Day) nor in the last (an inflection: Refugees / Refugee, Announces / Announced).
  static bool inside(std::string_view a, std::string_view b) {
    return a.front() == b.front() && a.back() == b.back();
  }

  static double total(const std::vector<LanguageModel::Score>& scores) {
    double sum = 0;
    for (const auto& s : scores) sum += s.logp;
    return sum;
  }

  double margin_;
  std::size_t min_length_;
  std::shared_ptr<const Lexicon> lexicon_;
};

COPYDESK_REGISTER_CHECK("real-word-slip", [](const Rule& rule, const LoadContext& context) {
  return std::make_unique<RealWordSlip>(rule, context);
},
                        {"margin", OptionType::Number, "3.0", "log10: the phrase with the candidate must be this much more probable"},
                        {"min_length", OptionType::Integer, "5", "shorter words are not taken for slips"});

}  // namespace
}  // namespace copydesk
