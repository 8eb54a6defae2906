// markup-too-deep kind: HTML whose elements nest deeper than the limit is not given to
// the HTML parser (its cost grows with the square of the depth); its text is read
// between the tags instead, so paragraphs, alt text and skipped elements (scripts,
// code) are no longer told apart. Said once, at the start tag past the limit, so that
// the reader knows why the findings of that file may look odd.
#include <fmt/format.h>

#include "engine/check.hpp"

namespace copydesk {
namespace {

class MarkupTooDeep : public Check {
 public:
  void run(const Document& doc, const Resources&, Emitter& out) const override {
    if (const auto& tag = doc.too_deep())
      out.report(tag->offset, tag->length,
                 "The HTML elements nest deeper than the limit here (--max-nesting): the text was read between "
                 "the tags, without the HTML parser, so scripts and code are checked as prose.");
  }
};

COPYDESK_REGISTER_CHECK("markup-too-deep", [](const Rule&, const LoadContext&) {
  return std::make_unique<MarkupTooDeep>();
});

}  // namespace
}  // namespace copydesk
