// unbalanced-bracket kind: a parenthesis, square bracket or brace opened and never
// closed within its paragraph, or closed with none open. List labels such as "a)" and
// "1)" are not closing brackets.
#include <algorithm>
#include <fmt/format.h>

#include "checks/punctuation/marks.hpp"
#include "engine/check.hpp"

namespace copydesk {
namespace {

const char* bracket_name(char c) {
  switch (c) {
    case '(': case ')': return "parenthesis";
    case '[': case ']': return "square bracket";
    default: return "brace";
  }
}

char partner(char close) { return close == ')' ? '(' : close == ']' ? '[' : '{'; }

class UnbalancedBracket : public Check {
 public:
  void run(const Document& doc, const Resources&, Emitter& out) const override {
    const std::string_view text = doc.text();
    const auto& tokens = doc.tokens();
    const auto& sentences = doc.sentences();
    for (const Paragraph& p : doc.paragraphs()) {
      if (p.first_sentence == p.last_sentence) continue;
      const std::uint32_t first = sentences[p.first_sentence].first_token;
      const std::uint32_t last = sentences[p.last_sentence - 1].last_token;
      std::vector<std::uint32_t> open;
      for (std::uint32_t k = first; k < last; ++k) {
        const Token& t = tokens[k];
        if (t.kind != TokenKind::Punct || t.size() != 1) continue;
        const char c = t.text[0];
        if (c == '(' || c == '[' || c == '{') {
          open.push_back(k);
        } else if (c == ')' || c == ']' || c == '}') {
          auto match = std::find_if(open.rbegin(), open.rend(), [&](std::uint32_t o) {
            return tokens[o].text[0] == partner(c);
          });
          if (match != open.rend()) {
            // Brackets opened inside this pair and still open were never closed.
            for (auto it = open.rbegin(); it != match; ++it) report_unclosed(text, tokens[*it], out);
            open.erase(std::prev(match.base()), open.end());
          } else if (!list_label(text, tokens, first, k)) {
            out.report(t.begin, t.size(),
                       fmt::format("The closing {} in “{}” has no opening one before it.", bracket_name(c),
                                   words_around(text, t.begin, t.end)));
          }
        }
      }
      for (std::uint32_t o : open) report_unclosed(text, tokens[o], out);
    }
  }

 private:
  static void report_unclosed(std::string_view text, const Token& t, Emitter& out) {
    out.report(t.begin, t.size(),
               fmt::format("The {} opened in “{}” is never closed.", bracket_name(t.text[0]),
                           words_around(text, t.begin, t.end)));
  }

  // "a)", "1)", "iv)" labelling an item: a short word glued to the mark, after a space
  // or at the start of the paragraph; an emoticon such as ":)"; and the last character of
  // a URL with parentheses (…/Treaty_(1990)), which the URL token leaves out.
  static bool list_label(std::string_view text, const std::vector<Token>& tokens, std::uint32_t first,
                         std::uint32_t k) {
    if (k == first) return false;
    const Token& label = tokens[k - 1];
    if (label.kind == TokenKind::Punct) return label.text == ":" || label.text == ";";
    if (label.kind == TokenKind::Url) return label.end == tokens[k].begin && label.text.find('(') != std::string_view::npos;
    if (label.end != tokens[k].begin || label.size() > 3) return false;
    const UChar32 before = code_point_before(text, label.begin);
    return before == 0 || before == ' ' || before == '\n' || before == '\t';
  }
};

COPYDESK_REGISTER_CHECK("unbalanced-bracket", [](const Rule&, const LoadContext&) {
  return std::make_unique<UnbalancedBracket>();
});

}  // namespace
}  // namespace copydesk
