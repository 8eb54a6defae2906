#include "checks/punctuation/marks.hpp"

#include <algorithm>
#include <array>

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

std::vector<std::size_t> find_marks(std::string_view text) {
  // A table of the six marks: one load a byte, where find_first_of called memchr on the
  // set for every byte of the text.
  static constexpr auto kIsMark = [] {
    std::array<bool, 256> is{};
    for (const unsigned char c : std::string_view(",.;:?!")) is[c] = true;
    return is;
  }();
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < text.size(); ++i)
    if (kIsMark[static_cast<unsigned char>(text[i])]) offsets.push_back(i);
  return offsets;
}

const std::vector<std::size_t>& mark_offsets(const Document& doc, const Resources& res) {
  static const char owner = 0;  // the memo's key for these offsets
  return res.memo.get<std::vector<std::size_t>>(&owner, [&] { return find_marks(doc.text()); });
}

}  // namespace copydesk::punctuation
