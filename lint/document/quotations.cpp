#include "document/quotations.hpp"

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <unicode/uchar.h>

#include "base/text.hpp"
#include "document/document.hpp"

namespace copydesk {
namespace {

constexpr std::string_view kOpenDouble[] = {"\u201C", "\u00AB"};
constexpr std::string_view kCloseDouble[] = {"\u201D", "\u00BB"};

bool one_of(std::string_view t, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), t) != set.end();
}

// The token range [first, last) of a paragraph.
std::pair<std::uint32_t, std::uint32_t> token_range(const Document& doc, const Paragraph& p) {
  const auto& s = doc.sentences();
  return {s[p.first_sentence].first_token, s[p.last_sentence - 1].last_token};
}

// Whether a mark that starts a word is an elision rather than an opening mark:
// ’90s, ’n’ (rock ’n’ roll), ’em, ’til, ’tis.
bool starts_elision(const Document& doc, std::uint32_t next) {
  const auto& tokens = doc.tokens();
  if (next >= tokens.size()) return false;
  const Token& w = tokens[next];
  if (!w.text.empty() && w.text[0] >= '0' && w.text[0] <= '9') return true;
  return one_of(w.text, {"n", "em", "til", "tis", "twas", "cause"});
}

}  // namespace

std::vector<QuoteMark> pair_quotation_marks(const Document& doc) {
  const std::string_view text = doc.text();
  const auto& tokens = doc.tokens();
  const auto& paragraphs = doc.paragraphs();
  std::vector<QuoteMark> marks;
  // A double quotation left open at the end of a paragraph that the next one did not
  // reopen: a statement quoted whole over several paragraphs may close it later, before
  // any other quotation opens. (An index, kNoMark for none: GCC 12 warns of an optional's
  // value read here as maybe uninitialized.)
  constexpr std::size_t kNoMark = SIZE_MAX;
  std::size_t pending = kNoMark;
  for (std::size_t pi = 0; pi < paragraphs.size(); ++pi) {
    const Paragraph& p = paragraphs[pi];
    if (p.first_sentence == p.last_sentence) continue;
    const auto [first, last] = token_range(doc, p);
    const std::size_t para_marks = marks.size();
    // Indexes into marks of the quotations open in this paragraph.
    std::vector<std::size_t> curly, straight, single;
    std::size_t straight_count = 0;
    bool inch_like = false;
    auto close_singles_after = [&](std::size_t opening) {
      while (!single.empty() && single.back() > opening) {
        marks[single.back()].role = QuoteRole::Unclosed;
        single.pop_back();
      }
    };
    for (std::uint32_t k = first; k < last; ++k) {
      const Token& t = tokens[k];
      if (t.kind != TokenKind::Punct || !is_quotation_mark(t.text)) continue;
      const UChar32 before = code_point_before(text, t.begin);
      const UChar32 after = code_point_at(text, t.end);
      const bool word_before = u_isalnum(before) || u_ispunct(before);
      QuoteMark m{t.begin, t.end, k, true, QuoteRole::Opening};
      const std::size_t index = marks.size();
      if (one_of(t.text, {kOpenDouble[0], kOpenDouble[1]})) {
        curly.push_back(index);
        pending = kNoMark;
      } else if (one_of(t.text, {kCloseDouble[0], kCloseDouble[1]})) {
        if (curly.empty() && pending != kNoMark) {
          marks[pending].role = QuoteRole::Opening;
          m.role = QuoteRole::Closing;
          pending = kNoMark;
        } else if (curly.empty()) {
          m.role = QuoteRole::Stray;
        } else {
          close_singles_after(curly.back());
          curly.pop_back();
          m.role = QuoteRole::Closing;
        }
      } else if (t.text == "\"") {
        ++straight_count;
        inch_like = inch_like || u_isdigit(before);
        if (straight.empty()) {
          straight.push_back(index);
        } else {
          close_singles_after(straight.back());
          straight.pop_back();
          m.role = QuoteRole::Closing;
        }
      } else {
        m.double_mark = false;
        const bool opening_shape = !word_before || before == 0x201C || before == '"' || before == '(' ||
                                   before == 0x2014 || before == 0x2013;
        if (t.text == "\u2018" && starts_elision(doc, k + 1)) {
          m.role = QuoteRole::Apostrophe;
        } else if (t.text == "\u2018" || (t.text == "'" && opening_shape && u_isalpha(after))) {
          if (starts_elision(doc, k + 1)) m.role = QuoteRole::Apostrophe;
          else single.push_back(index);
        } else if (!word_before && u_isalnum(after)) {
          m.role = QuoteRole::Apostrophe;  // ’90s, ’em
        } else if (k > first && tokens[k - 1].text == "n" && k > first + 1 &&
                   one_of(tokens[k - 2].text, {"\u2019", "\u2018", "'"})) {
          m.role = QuoteRole::Apostrophe;  // the second mark of ’n’
        } else if (!single.empty() && !u_isalnum(after)) {
          single.pop_back();
          m.role = QuoteRole::Closing;
        } else {
          m.role = QuoteRole::Apostrophe;  // the States’
        }
      }
      marks.push_back(m);
    }
    // A quotation still open at the end continues if the next paragraph reopens it.
    std::string_view next_first, next_second;
    for (std::size_t pn = pi + 1; pn < paragraphs.size(); ++pn) {
      if (paragraphs[pn].first_sentence == paragraphs[pn].last_sentence) continue;
      const auto [nf, nl] = token_range(doc, paragraphs[pn]);
      next_first = tokens[nf].text;
      if (nf + 1 < nl) next_second = tokens[nf + 1].text;
      break;
    }
    auto settle = [&](std::vector<std::size_t>& open, bool continued) {
      for (std::size_t i = 0; i < open.size(); ++i)
        if (!(continued && i + 1 == open.size())) marks[open[i]].role = QuoteRole::Unclosed;
    };
    const bool reopens_double = one_of(next_first, {kOpenDouble[0], kOpenDouble[1], "\""});
    settle(curly, reopens_double);
    if (!curly.empty() && !reopens_double) pending = curly.back();
    settle(straight, reopens_double);
    settle(single, one_of(next_first, {"\u2018", "'"}) || (reopens_double && one_of(next_second, {"\u2018", "'"})));
    // Inch marks (a 12" pipe) make straight double marks unpairable.
    if (inch_like && straight_count % 2 == 1)
      for (std::size_t i = para_marks; i < marks.size(); ++i)
        if (marks[i].double_mark && text.substr(marks[i].begin, 1) == "\"") marks[i].role = QuoteRole::Unknown;
  }
  return marks;
}

}  // namespace copydesk
