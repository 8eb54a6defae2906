// overused-word kind: a content word used far more often than it is in English at large
// ("document" eleven times in a thousand words). Expected counts come from the
// word-frequency list; names are left out, since an article repeats its subject's name.
// Off by default: an article about vaccines rightly says "vaccine" often.
#include <fmt/format.h>
#include <unordered_map>

#include "checks/repetition/words.hpp"

namespace copydesk::repetition {
namespace {

class OverusedWord : public Check {
 public:
  OverusedWord(const Rule& rule, const LoadContext& context)
      : min_count_(option<std::size_t>(rule, "min_count")),
        ratio_(option<double>(rule, "ratio")),
        min_length_(option<std::size_t>(rule, "min_length")),
        frequency_(rule, context) {}

  void run(const Document& doc, const Resources&, Emitter& out) const override {
    const auto& tokens = doc.tokens();
    std::unordered_map<std::string, std::vector<std::uint32_t>> uses;  // key -> tokens
    std::vector<const std::string*> order;  // keys in order of first use, for a stable output
    for (std::uint32_t k = 0; k < tokens.size(); ++k) {
      const Token& t = tokens[k];
      if (t.kind != TokenKind::Word) continue;
      std::string key = t.key;
      if (key.size() < min_length_ || frequency_.function_word(key)) continue;
      if (t.letter_case != Case::Lower && !(t.sentence_initial && frequency_.ordinary_word(key))) continue;
      auto [it, fresh] = uses.try_emplace(std::move(key));
      if (fresh) order.push_back(&it->first);
      it->second.push_back(k);
    }
    const double words = static_cast<double>(doc.word_count());
    for (const std::string* key : order) {
      const auto& at = uses.at(*key);
      if (at.size() < min_count_) continue;
      // Half a use for a word the list never saw, so that rare words are not infinitely rare.
      const double expected = (frequency_.count(*key) + 0.5) / static_cast<double>(frequency_.total()) * words;
      const double times = static_cast<double>(at.size()) / expected;
      if (times < ratio_) continue;
      const Token& first = tokens[at.front()];
      Diagnostic& d = out.report(first.begin, first.size(),
                                 fmt::format("“{}” is used {} times in {} words, about {:.0f} times as often as usual.",
                                             first.text, at.size(), doc.word_count(), times));
      for (std::size_t k = 1; k < at.size(); ++k)
        d.related.push_back({tokens[at[k]].begin, tokens[at[k]].size(), "Used again here."});
    }
  }

 private:
  std::size_t min_count_;
  double ratio_;
  std::size_t min_length_;
  WordFrequency frequency_;
};

COPYDESK_REGISTER_CHECK("overused-word", [](const Rule& rule, const LoadContext& context) {
  return std::make_unique<OverusedWord>(rule, context);
},
                        {"min_count", OptionType::Integer, "5", "uses in the article before a word can be overused"},
                        {"ratio", OptionType::Number, "50", "how many times its usual rate a word must be used"},
                        {"min_length", OptionType::Integer, "4", "shorter words are not counted"},
                        kFrequencyListOption);

}  // namespace
}  // namespace copydesk::repetition
