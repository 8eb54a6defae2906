// doubled-punctuation kind: a mark typed twice or two marks where one belongs (",,",
// "..", ",.", ";,"). An ellipsis ("...", "...."), "?!" and "!!", and a full stop of an
// abbreviation before a comma or colon ("Inc.,", "a.m.:") are left alone.
#include <fmt/format.h>

#include "checks/punctuation/marks.hpp"
#include "engine/check.hpp"

namespace copydesk {
namespace {

class DoubledPunctuation : public Check {
 public:
  void run(const Document& doc, const Resources& res, Emitter& out) const override {
    const std::string_view text = doc.text();
    // Each run of two or more marks: consecutive offsets among the marks found once for
    // the punctuation kinds, rather than a scan of the whole text of its own.
    const std::vector<std::size_t>& marks = punctuation::mark_offsets(doc, res);
    for (std::size_t first = 0, last = 0; first < marks.size(); first = last) {
      for (last = first + 1; last < marks.size() && marks[last] == marks[last - 1] + 1;) ++last;
      if (last - first < 2) continue;
      const std::size_t begin = marks[first];
      const std::string_view run = text.substr(begin, last - first);
      if (!slip(run) || punctuation::in_address(doc, begin)) continue;
      out.report(begin, run.size(),
                 fmt::format("The punctuation in “{}” is doubled.", words_around(text, begin, begin + run.size())),
                 {std::string(1, run.back())});
    }
  }

 private:
  static bool slip(std::string_view run) {
    if (run.find_first_not_of('.') == std::string_view::npos) return run.size() == 2;  // ".." not "..."
    for (std::size_t i = 0; i + 1 < run.size(); ++i) {
      const char a = run[i], b = run[i + 1];
      // ",," ",." ";," "::" ...: a comma, semicolon or colon never takes another mark.
      if (a == ',' || a == ';' || a == ':') return true;
      // "?." "!.": the question or exclamation mark already ends the sentence.
      if ((a == '?' || a == '!') && b == '.') return true;
    }
    return false;
  }
};

COPYDESK_REGISTER_CHECK("doubled-punctuation", [](const Rule&, const LoadContext&) {
  return std::make_unique<DoubledPunctuation>();
});

}  // namespace
}  // namespace copydesk
