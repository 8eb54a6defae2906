// space-before-punctuation kind: a space typed before , . ; : ? or ! ("Moscow , Kyiv").
// An ellipsis (" ..."), a decimal (" .45") and a domain (" .gov") start with a full
// stop after a space on purpose, so the mark must not run into a word or number.
#include <fmt/format.h>
#include <unicode/uchar.h>

#include "checks/punctuation/marks.hpp"
#include "engine/check.hpp"

namespace copydesk {
namespace {

class SpaceBeforePunctuation : public Check {
 public:
  void run(const Document& doc, const Resources& res, Emitter& out) const override {
    const std::string_view text = doc.text();
    // Each mark (as found once for the punctuation kinds) after a run of spaces or tabs.
    for (const std::size_t at : punctuation::mark_offsets(doc, res)) {
      std::size_t begin = at;
      while (begin > 0 && (text[begin - 1] == ' ' || text[begin - 1] == '\t')) --begin;
      if (begin == at) continue;
      const UChar32 before = code_point_before(text, begin);
      const UChar32 after = code_point_at(text, at + 1);
      // After a word, a number or a closing mark; not at the start of a line.
      const bool after_word = u_isalnum(before) || is_closing_mark(before);
      // Only a full stop starts something on purpose when it runs into a word (" .gov",
      // " .45"); "2019 ,and" is a comma typed on the wrong side of its space.
      const bool runs_into_word = u_isalnum(after);
      if (!after_word || (runs_into_word && text[at] == '.') || (text[at] == '.' && after == '.') ||
          !punctuation::typed_spaces(doc, begin, at) || punctuation::in_address(doc, at))
        continue;
      const std::string mark(1, text[at]);
      out.report(begin, at + 1 - begin,
                 fmt::format("A space stands before the “{}” in “{}”.", mark,
                             words_around(text, begin, at + 1)),
                 {runs_into_word ? mark + " " : mark});
    }
  }
};

COPYDESK_REGISTER_CHECK("space-before-punctuation", [](const Rule&, const LoadContext&) {
  return std::make_unique<SpaceBeforePunctuation>();
});

}  // namespace
}  // namespace copydesk
