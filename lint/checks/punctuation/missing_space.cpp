// missing-space kind: sentence punctuation glued to the next sentence ("said.He"), and a
// comma or semicolon glued between two words ("Paris,London"). Numbers (3.5, 1,000),
// abbreviations (U.S., e.g.), domain names and URLs keep their marks.
#include <cctype>
#include <fmt/format.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "checks/punctuation/marks.hpp"
#include "engine/check.hpp"

namespace copydesk {
namespace {

class MissingSpace : public Check {
 public:
  void run(const Document& doc, const Resources& res, Emitter& out) const override {
    // A mark, then a letter: the marks as found once for the punctuation kinds, as a
    // regular expression with Unicode's letter class would cost RE2 a large automaton to
    // build on every run.
    const std::string_view text = doc.text();
    for (const std::size_t at : punctuation::mark_offsets(doc, res)) {
      if (text[at] == ':') continue;  // not one of the marks this kind looks at
      const std::size_t next = at + 1;
      if (!u_isalpha(code_point_at(text, next))) continue;
      if (punctuation::in_address(doc, at) || !glued_here(text, at)) continue;
      // "data/{dev,test}", "key=a,b": a path or code, not prose.
      const std::string chunk = words_around(text, at, at + 1);
      if (chunk.find_first_of("/\\{}=_<>") != std::string_view::npos) continue;
      std::size_t letter_end = next;
      U8_FWD_1(reinterpret_cast<const uint8_t*>(text.data()), letter_end, text.size());
      const std::string letter(text.substr(next, letter_end - next));
      out.report(at, letter_end - at,
                 fmt::format("A space is missing after the “{}” in “{}”.", text[at],
                             words_around(text, at, letter_end)),
                 {std::string(1, text[at]) + " " + letter});
    }
  }

 private:
  // "ChildTaxCredit.Gov": a domain name written with capitals.
  static bool domain_ending(std::string_view word) {
    std::size_t n = 0;
    while (n < word.size() && std::isalpha(static_cast<unsigned char>(word[n]))) ++n;
    const std::string w = ascii_lower(word.substr(0, n));
    return w == "com" || w == "org" || w == "net" || w == "gov" || w == "edu" || w == "mil" || w == "int" ||
           w == "info" || w == "news";
  }

  // The mark at `at` is followed by a letter; is it a slip?
  static bool glued_here(std::string_view text, std::size_t at) {
    const char mark = text[at];
    const UChar32 after = code_point_at(text, at + 1);
    const UChar32 before = code_point_before(text, at);
    if (mark == ',' || mark == ';') {
      if (!u_isalpha(before)) return false;
      // "&amp;T": the semicolon ends an HTML entity, which artifacts.html-markup reports.
      std::size_t w = at;
      while (w > 0 && (u_isalnum(static_cast<unsigned char>(text[w - 1])) || text[w - 1] == '#')) --w;
      return !(mark == ';' && w > 0 && text[w - 1] == '&');
    }
    // A sentence mark: the next word must look like a sentence start, "He" not "com".
    std::size_t second = at + 1;
    U8_FWD_1(reinterpret_cast<const uint8_t*>(text.data()), second, text.size());
    if (!u_isupper(after) || !u_islower(code_point_at(text, second))) return false;
    if (domain_ending(text.substr(at + 1))) return false;
    if (before == ')') return true;
    // The word before: all digits ("in 2021.The"), or ending in two lower-case letters,
    // which leaves out initials and abbreviations (U.S., e.g., Mr.).
    std::size_t start = at;
    bool digits = true;
    int lower_tail = 0;
    bool tail_open = true;
    while (start > 0) {
      std::size_t prev = start;
      U8_BACK_1(reinterpret_cast<const uint8_t*>(text.data()), 0, prev);
      const UChar32 c = code_point_at(text, prev);
      if (!u_isalnum(c)) break;
      digits = digits && u_isdigit(c);
      if (tail_open && u_islower(c)) ++lower_tail;
      else tail_open = false;
      start = prev;
    }
    if (start == at) return false;
    // "example.com.Next", "@user.Then", "path/file.Name": not prose.
    const UChar32 lead = code_point_before(text, start);
    if (lead == '.' || lead == '@' || lead == '/' || lead == '_' || lead == '#' || lead == '&') return false;
    return digits || lower_tail >= 2;
  }
};

COPYDESK_REGISTER_CHECK("missing-space", [](const Rule&, const LoadContext&) {
  return std::make_unique<MissingSpace>();
});

}  // namespace
}  // namespace copydesk
