#include "base/text.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <vector>
#include <fmt/format.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>
#define XXH_INLINE_ALL  // the short-input path compiled here, not called in the library
#include <xxhash.h>

#include "base/eight_bytes.hpp"

namespace copydesk {

std::size_t WordHash::operator()(std::string_view s) const { return XXH3_64bits(s.data(), s.size()); }

bool is_ascii(std::string_view text) { return first_non_ascii(text) == text.size(); }

std::size_t first_non_ascii(std::string_view text, std::size_t from) {
  // Eight bytes a step: a byte that is not ASCII has its top bit set. A byte at a time
  // cost the checks that scan a whole text for other characters about ten instructions
  // a byte.
  std::size_t at = from;
  while (at + 8 <= text.size() && eight_bytes::above_ascii(eight_bytes::load(text.data() + at)) == 0) at += 8;
  while (at < text.size() && static_cast<unsigned char>(text[at]) < 0x80) ++at;
  return at;
}

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string fold_case(std::string_view text) {
  // ICU folds ASCII as ascii_lower does; most words need no UTF-16 round trip.
  if (is_ascii(text)) return ascii_lower(text);
  std::string out;
  icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())))
      .foldCase()
      .toUTF8String(out);
  return out;
}

std::string straighten_apostrophes(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t at = 0;;) {
    const std::size_t curly = text.find("\u2019", at);
    out.append(text.substr(at, curly == std::string_view::npos ? curly : curly - at));
    if (curly == std::string_view::npos) return out;
    out.push_back('\'');
    at = curly + 3;  // the curly apostrophe's three bytes
  }
}

std::string fold_word(std::string_view word) {
  // An ASCII word has no curly apostrophe: one pass and one string, not two of each.
  if (is_ascii(word)) return ascii_lower(word);
  return straighten_apostrophes(fold_case(word));
}

bool has_digit_or_dot(std::string_view word) {
  return std::any_of(word.begin(), word.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; });
}

std::string_view without_possessive(std::string_view word) {
  for (std::string_view ending : {"\u2019s", "'s"})
    if (word.size() > ending.size() && word.ends_with(ending)) return word.substr(0, word.size() - ending.size());
  return word;
}

UChar32 code_point_at(std::string_view text, std::size_t offset) {
  if (offset >= text.size()) return 0;
  auto i = static_cast<int32_t>(offset);
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, static_cast<int32_t>(text.size()), c);
  return c;
}

UChar32 code_point_before(std::string_view text, std::size_t offset) {
  if (offset == 0 || offset > text.size()) return 0;
  auto i = static_cast<int32_t>(offset);
  UChar32 c;
  U8_PREV(reinterpret_cast<const uint8_t*>(text.data()), 0, i, c);
  return c;
}

bool is_closing_mark(UChar32 c) {
  return c == 0x201D || c == 0x2019 || c == 0x00BB || c == '"' || c == ')' || c == ']';
}

bool is_quotation_mark(UChar32 c) {
  return c == '"' || c == '\'' || c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019 || c == 0x00AB ||
         c == 0x00BB;
}

bool is_quotation_mark(std::string_view text) {
  if (text.empty()) return false;
  int32_t end = 0;
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), end, static_cast<int32_t>(text.size()), c);
  return static_cast<std::size_t>(end) == text.size() && is_quotation_mark(c);
}

bool is_opening_quotation_mark(std::string_view text) {
  return text == "\u201C" || text == "\u2018" || text == "\u00AB";
}

namespace {

// edit_distance with a limit of at most one, in one pass: a near-word search asks this of
// every candidate, and the table below cost about 1,300 instructions a pair. One edit is
// made where the two first differ (or, for a transposition, there and one further on).
std::size_t edit_distance_up_to_one(std::string_view a, std::string_view b, std::size_t limit) {
  if (a == b) return 0;
  if (limit == 0) return 1;
  const std::size_t n = a.size(), m = b.size();
  std::size_t p = 0;
  while (p < n && p < m && a[p] == b[p]) ++p;
  if (n == m) {
    if (a.substr(p + 1) == b.substr(p + 1)) return 1;  // a letter changed
    const bool swapped = p + 1 < n && a[p] == b[p + 1] && a[p + 1] == b[p] && a.substr(p + 2) == b.substr(p + 2);
    return swapped ? 1 : 2;
  }
  if (n + 1 == m) return a.substr(p) == b.substr(p + 1) ? 1 : 2;  // a letter added
  if (m + 1 == n) return a.substr(p + 1) == b.substr(p) ? 1 : 2;  // a letter dropped
  return 2;
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
  if (limit <= 1) return edit_distance_up_to_one(a, b, limit);
  const std::size_t n = a.size(), m = b.size();
  if ((n > m ? n - m : m - n) > limit) return limit + 1;
  // Three rows of the optimal string alignment table, in one buffer kept per thread: this
  // runs for every candidate of every near-word search.
  thread_local std::vector<std::size_t> rows;
  rows.assign(3 * (m + 1), 0);
  std::size_t* before = rows.data();
  std::size_t* prev = before + m + 1;
  std::size_t* cur = prev + m + 1;
  for (std::size_t j = 0; j <= m; ++j) prev[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    cur[0] = i;
    std::size_t row_min = cur[0];
    for (std::size_t j = 1; j <= m; ++j) {
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) cur[j] = std::min(cur[j], before[j - 2] + 1);
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > limit) return limit + 1;
    std::swap(before, prev);
    std::swap(prev, cur);
  }
  return std::min(prev[m], limit + 1);
}

bool keyboard_neighbours(char a, char b) {
  static constexpr std::string_view kRows[] = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};
  auto where = [](char c, int& row, int& col) {
    for (row = 0; row < 3; ++row)
      if (const auto p = kRows[row].find(c); p != std::string_view::npos) return col = static_cast<int>(p), true;
    return false;
  };
  int ra, ca, rb, cb;
  if (a == b || !where(a, ra, ca) || !where(b, rb, cb)) return false;
  // Each row sits about half a key to the right of the one above it.
  return std::abs(ra - rb) <= 1 && std::abs((2 * ca + ra) - (2 * cb + rb)) <= 2;
}

bool typing_slip(std::string_view typed, std::string_view meant) {
  std::size_t i = 0;
  while (i < typed.size() && i < meant.size() && typed[i] == meant[i]) ++i;
  if (typed.size() == meant.size())
    return i < typed.size() && ((i + 1 < typed.size() && typed[i] == meant[i + 1] && typed[i + 1] == meant[i] &&
                                 typed.substr(i + 2) == meant.substr(i + 2)) ||
                                (keyboard_neighbours(typed[i], meant[i]) && typed.substr(i + 1) == meant.substr(i + 1)));
  if (typed.size() == meant.size() + 1) {
    if (typed.substr(i + 1) != meant.substr(i)) return false;
    // The extra letter repeats or sits beside the key of a letter next to it.
    auto near = [&](std::size_t j) { return typed[j] == typed[i] || keyboard_neighbours(typed[j], typed[i]); };
    return (i > 0 && near(i - 1)) || (i + 1 < typed.size() && near(i + 1));
  }
  return meant.size() == typed.size() + 1 && typed.substr(i) == meant.substr(i + 1);  // a letter left out
}

namespace {

// Moves a byte offset back to the start of the UTF-8 sequence it falls in.
std::size_t char_start(std::string_view text, std::size_t at) {
  while (at > 0 && at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
  return at;
}

}  // namespace

std::string words_around(std::string_view text, std::size_t begin, std::size_t end) {
  // A message quotes at most this many bytes either side of the span, and of the span
  // itself: text without spaces (a run of quotation marks, minified HTML) must not put
  // the whole file into one message.
  constexpr std::size_t kReach = 40;
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  std::size_t from = begin, to = end;
  while (from > 0 && begin - from < kReach && (text[from - 1] == ' ' || text[from - 1] == '\t')) --from;
  while (from > 0 && begin - from < kReach && !blank(text[from - 1])) --from;
  while (to < text.size() && to - end < kReach && !blank(text[to])) ++to;
  const bool cut_before = from > 0 && !blank(text[from - 1]);
  const bool cut_after = to < text.size() && !blank(text[to]);
  from = char_start(text, from);
  to = char_start(text, to);
  std::string out = cut_before ? "…" : "";
  if (end - begin > 2 * kReach) {
    out += text.substr(from, char_start(text, begin + kReach) - from);
    out += "…";
    out += text.substr(char_start(text, end - kReach), to - char_start(text, end - kReach));
  } else {
    out += text.substr(from, to - from);
  }
  return out + (cut_after ? "…" : "");
}

}  // namespace copydesk

namespace copydesk {

bool is_terminal_control(UChar32 c) {
  return u_charType(c) == U_CONTROL_CHAR || u_hasBinaryProperty(c, UCHAR_BIDI_CONTROL);
}

std::string escape_controls(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < n;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) {
      for (int32_t k = start; k < i; ++k) out += fmt::format("<0x{:02X}>", s[k]);
    } else if (is_terminal_control(c)) {
      out += fmt::format("<U+{:04X}>", static_cast<std::uint32_t>(c));
    } else {
      out.append(text.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)));
    }
  }
  return out;
}

}  // namespace copydesk
