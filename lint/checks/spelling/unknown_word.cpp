// spelling kind: lower-case words that no dictionary knows (system, shipped, newsroom).
// Capitalized words are left to the names checks: a speller cannot tell a misspelled
// name from a rare real one.
#include <algorithm>
#include <fmt/format.h>

#include "engine/check.hpp"
#include "spell/speller.hpp"

namespace copydesk {
namespace {

class UnknownWord : public Check {
 public:
  explicit UnknownWord(const Rule& rule)
      : min_length_(option<std::size_t>(rule, "min_length", 3)),
        suggestions_(option<std::size_t>(rule, "suggestions", 3)) {}

  void run(const Document& doc, const Resources& res, Emitter& out) const override {
    if (res.speller == nullptr) return;
    for (const Token& t : doc.tokens()) {
      if (t.kind != TokenKind::Word || t.known || t.letter_case != Case::Lower) continue;
      // "90s", "G7": numbers with letters are not words to spell.
      if (std::any_of(t.text.begin(), t.text.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;
      std::string word = apostrophes_straightened(t.text);
      if (word.size() < min_length_ || res.speller->known(word)) continue;
      if (word.size() > 2 && word.compare(word.size() - 2, 2, "'s") == 0 &&
          res.speller->known(word.substr(0, word.size() - 2)))
        continue;
      out.report(t.begin, t.size(), fmt::format("“{}” is not in the dictionary.", t.text),
                 res.speller->suggest(word, suggestions_));
    }
  }

 private:
  static std::string apostrophes_straightened(std::string_view text) {
    std::string out(text);
    for (std::size_t p; (p = out.find("\u2019")) != std::string::npos;) out.replace(p, 3, "'");
    return out;
  }

  std::size_t min_length_;
  std::size_t suggestions_;
};

COPYDESK_REGISTER_CHECK("spelling", [](const Rule& rule, const LoadContext&) {
  return std::make_unique<UnknownWord>(rule);
});

}  // namespace
}  // namespace copydesk
