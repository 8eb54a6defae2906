#include "checks/punctuation/marks.hpp"

#include <algorithm>

namespace copydesk::punctuation {

bool typed_spaces(const Document& doc, std::size_t begin, std::size_t end) {
  const std::string_view prose = doc.text();
  // The bytes as read: valid_text() blanks invalid UTF-8 to spaces a writer never typed.
  const std::string_view source = doc.source().bytes();
  if (begin >= end || end > prose.size()) return false;
  for (std::size_t i = begin; i < end; ++i)
    if ((prose[i] != ' ' && prose[i] != '\t') || source[i] != prose[i]) return false;
  return true;
}

bool in_address(const Document& doc, std::size_t offset) {
  const auto& tokens = doc.tokens();
  auto it = std::upper_bound(tokens.begin(), tokens.end(), offset,
                             [](std::size_t o, const Token& t) { return o < t.begin; });
  if (it == tokens.begin()) return false;
  --it;
  return offset < it->end &&
         (it->kind == TokenKind::Url || it->kind == TokenKind::Email || it->kind == TokenKind::Handle);
}

}  // namespace copydesk::punctuation
