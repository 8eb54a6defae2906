// double-space kind: two or more spaces between words inside a sentence. Two spaces
// after a full stop, question or exclamation mark or colon are an old typing habit, not
// a slip inside a sentence; indentation and blanked markup are not typed spaces.
#include <fmt/format.h>
#include <unicode/utf8.h>

#include "checks/punctuation/marks.hpp"
#include "engine/check.hpp"

namespace copydesk {
namespace {

bool ends_clause(UChar32 c) { return c == '.' || c == '?' || c == '!' || c == ':'; }

class DoubleSpace : public Check {
 public:
  void run(const Document& doc, const Resources&, Emitter& out) const override {
    const std::string_view text = doc.text();
    for (const Sentence& s : doc.sentences()) {
      // Search only up to the sentence's end: a search to the end of the text for every
      // sentence would make long files quadratic.
      const std::string_view upto = text.substr(0, s.end);
      for (std::size_t b = upto.find("  ", s.begin); b != std::string_view::npos; b = upto.find("  ", b)) {
        std::size_t e = b;
        while (e < s.end && text[e] == ' ') ++e;
        UChar32 before = code_point_before(text, b);
        // "ended.”  Then": look through a closing mark to the stop before it.
        if (is_closing_mark(before)) before = code_point_before(text, b - U8_LENGTH(before));
        if (e < s.end && before != '\n' && !ends_clause(before) && punctuation::typed_spaces(doc, b, e))
          out.report(b, e - b,
                     fmt::format("{} spaces stand between the words in “{}”.", e - b == 2 ? "Two" : "Several",
                                 words_around(text, b, e)),
                     {" "});
        b = e;
      }
    }
  }
};

COPYDESK_REGISTER_CHECK("double-space", [](const Rule&, const LoadContext&) {
  return std::make_unique<DoubleSpace>();
});

}  // namespace
}  // namespace copydesk
