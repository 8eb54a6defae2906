#include "source/sections.hpp"

#include <algorithm>
#include <cctype>

namespace copydesk {
namespace {

constexpr std::string_view kBlank = " \t\r";

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Where the section that reaches `from` may end, looking before `limit`: after a blank
// line, else where the markup starts a block, else after a line break, else after a
// sentence's full stop, else before a word after a single space (not at a space that
// punctuation or another space follows, which findings may be about), else at any
// character boundary.
std::size_t cut_after(const Prose& prose, std::size_t from, std::size_t limit) {
  const std::string_view text = prose.view();
  limit = std::min(limit, text.size());
  for (std::size_t nl = text.find('\n', from); nl < limit; nl = text.find('\n', nl + 1)) {
    const std::size_t next = text.find_first_not_of(kBlank, nl + 1);
    if (next == std::string_view::npos) return text.size();
    if (text[next] == '\n') return next + 1;
  }
  const auto block = std::lower_bound(prose.block_starts.begin(), prose.block_starts.end(), from);
  if (block != prose.block_starts.end() && *block < limit) return *block;
  if (const std::size_t nl = text.find('\n', from); nl < limit) return nl + 1;
  if (const std::size_t stop = text.find(". ", from); stop < limit) return stop + 2;
  for (std::size_t space = text.find(' ', from); space < limit && space + 1 < text.size();
       space = text.find(' ', space + 1))
    if (text[space - 1] != ' ' && std::isalnum(static_cast<unsigned char>(text[space + 1]))) return space + 1;
  std::size_t at = from;
  while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) ++at;
  return at;
}

}  // namespace

std::vector<TextSpan> split_sections(const Prose& prose, std::size_t target) {
  const std::string_view text = prose.view();
  std::vector<TextSpan> sections;
  std::size_t begin = 0, content = 0;
  for (std::size_t at = 0; target > 0 && at < text.size(); ++at) {
    if (is_blank(text[at]) || ++content < target) continue;
    const std::size_t cut = cut_after(prose, at + 1, at + 1 + target / 2);
    if (cut >= text.size()) break;
    sections.push_back({begin, cut - begin});
    prose.release(begin, cut - begin);
    begin = cut;
    content = 0;
    at = cut - 1;
  }
  sections.push_back({begin, text.size() - begin});
  prose.release(begin, text.size() - begin);
  return sections;
}

Prose prose_section(const Prose& prose, TextSpan section) {
  const std::size_t begin = section.offset, end = section.offset + section.length;
  const auto inside = [&](std::size_t offset) { return offset >= begin && offset < end; };
  Prose part;
  part.text = prose.view().substr(begin, section.length);
  for (std::size_t at : prose.block_starts)
    if (inside(at)) part.block_starts.push_back(at - begin);
  for (const TextSpan& r : prose.references)
    if (inside(r.offset)) part.references.push_back({r.offset - begin, r.length});
  for (const Suppression& s : prose.suppressions) {
    if (!inside(s.offset)) continue;
    Suppression& moved = part.suppressions.emplace_back(s);
    moved.offset -= begin;
    for (RuleMention& m : moved.rules) m.offset -= begin;
  }
  if (prose.too_deep && inside(prose.too_deep->offset))
    part.too_deep = TextSpan{prose.too_deep->offset - begin, prose.too_deep->length};
  return part;
}

}  // namespace copydesk
