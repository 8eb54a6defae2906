#include "checks/repetition/words.hpp"

namespace copydesk::repetition {

bool is_heading_or_item(const Document& doc, const Paragraph& p) {
  if (p.heading_like) return true;
  if (p.first_sentence == p.last_sentence) return false;
  const auto& tokens = doc.tokens();
  const Sentence& s = doc.sentences()[p.first_sentence];
  const std::string_view first = tokens[s.first_token].text;
  if (first == "-" || first == "*" || first == "\u2022" || first == "\u2013" || first == "\u2014") return true;
  // "1." or "2)" numbering a list.
  return tokens[s.first_token].kind == TokenKind::Number && s.token_count() > 1 &&
         (tokens[s.first_token + 1].text == "." || tokens[s.first_token + 1].text == ")");
}

}  // namespace copydesk::repetition
