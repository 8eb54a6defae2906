// quote-spacing kind: spaces on the wrong side of a quotation mark. A space after an
// opening mark or before a closing one (“ We”, “we ”), and a mark glued to the word
// outside it (”said, said“We).
#include <fmt/format.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "checks/punctuation/marks.hpp"
#include "engine/check.hpp"

namespace copydesk {
namespace {

// The start of the run of spaces that ends at offset (offset itself when there is none).
std::size_t spaces_before(std::string_view text, std::size_t offset) {
  while (offset > 0 && (text[offset - 1] == ' ' || text[offset - 1] == '\t')) --offset;
  return offset;
}

std::size_t spaces_after(std::string_view text, std::size_t offset) {
  while (offset < text.size() && (text[offset] == ' ' || text[offset] == '\t')) ++offset;
  return offset;
}

std::size_t code_point_end(std::string_view text, std::size_t offset) {
  auto i = static_cast<int32_t>(offset);
  U8_FWD_1(reinterpret_cast<const uint8_t*>(text.data()), i, static_cast<int32_t>(text.size()));
  return static_cast<std::size_t>(i);
}

class QuoteSpacing : public Check {
 public:
  void run(const Document& doc, const Resources&, Emitter& out) const override {
    const std::string_view text = doc.text();
    for (const QuoteMark& m : doc.quote_marks()) {
      const std::string mark(text.substr(m.begin, m.end - m.begin));
      const bool curly = mark != "\"" && mark != "'";
      if (m.role == QuoteRole::Opening || m.role == QuoteRole::Unclosed) {
        const std::size_t word = spaces_after(text, m.end);
        const UChar32 next = code_point_at(text, word);
        if (word > m.end && next != 0 && next != '\n' && next != '\r' &&
            punctuation::typed_spaces(doc, m.end, word)) {
          out.report(m.begin, word - m.begin, fmt::format("A space follows the opening quotation mark in “{}”.",
                                 words_around(text, m.begin, word)),
                     {mark});
          continue;
        }
        const UChar32 prev = code_point_before(text, m.begin);
        if (curly && (u_isalnum(prev) || prev == '.' || prev == ',' || prev == ';' || prev == ':' || prev == '?' ||
                      prev == '!')) {
          std::size_t begin = m.begin;
          U8_BACK_1(reinterpret_cast<const uint8_t*>(text.data()), 0, begin);
          const std::string before(text.substr(begin, m.begin - begin));
          out.report(begin, m.end - begin,
                     fmt::format("The opening quotation mark in “{}” needs a space before it.",
                                 words_around(text, begin, m.end)),
                     {before + " " + mark});
        }
      } else if (m.role == QuoteRole::Closing) {
        const std::size_t space = spaces_before(text, m.begin);
        const UChar32 prev = code_point_before(text, space);
        const UChar32 next = code_point_at(text, m.end);
        const bool glued = u_isalnum(next);
        // ’ ” with a space between two closing marks is a typesetting convention.
        if (space < m.begin && prev != 0 && prev != '\n' && !is_quotation_mark(prev) &&
            punctuation::typed_spaces(doc, space, m.begin)) {
          const std::string quoted = words_around(text, space, m.end);
          out.report(space, m.end - space,
                     glued ? fmt::format("The closing quotation mark in “{}” has a space before it and none after.", quoted)
                           : fmt::format("The closing quotation mark in “{}” has a space before it.", quoted),
                     {glued ? mark + " " : mark});
        } else if (glued && curly) {
          const std::size_t end = code_point_end(text, m.end);
          const std::string after(text.substr(m.end, end - m.end));
          out.report(m.begin, end - m.begin,
                     fmt::format("The closing quotation mark in “{}” needs a space after it.",
                                 words_around(text, m.begin, end)),
                     {mark + " " + after});
        }
      }
    }
  }
};

COPYDESK_REGISTER_CHECK("quote-spacing", [](const Rule&, const LoadContext&) {
  return std::make_unique<QuoteSpacing>();
});

}  // namespace
}  // namespace copydesk
