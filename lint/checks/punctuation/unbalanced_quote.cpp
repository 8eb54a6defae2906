// unbalanced-quote kind: an opening quotation mark that is never closed, or a closing one
// with nothing open. Apostrophes and quotations continued over paragraphs are told apart
// in the Document's quotation model (document/quotations.cpp).
#include <fmt/format.h>

#include "engine/check.hpp"

namespace copydesk {
namespace {

// The first words after a mark, to show where an unclosed quotation starts: three words
// or 40 bytes at most, so text without spaces cannot fill the message.
std::string excerpt(std::string_view text, std::size_t begin) {
  constexpr std::size_t kMaxBytes = 40;
  std::size_t end = begin;
  int spaces = 0;
  while (end < text.size() && text[end] != '\n' && end - begin < kMaxBytes) {
    if (text[end] == ' ' && ++spaces == 3) break;
    ++end;
  }
  while (end > begin && end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  const bool cut = end < text.size() && text[end] != '\n';
  return std::string(text.substr(begin, end - begin)) + (cut ? "…" : "");
}

class UnbalancedQuote : public Check {
 public:
  void run(const Document& doc, const Resources&, Emitter& out) const override {
    const std::string_view text = doc.text();
    for (const QuoteMark& m : doc.quote_marks()) {
      const std::string_view mark = text.substr(m.begin, m.end - m.begin);
      const char* kind = m.double_mark ? "double" : "single";
      if (m.role == QuoteRole::Unclosed)
        out.report(m.begin, m.end - m.begin,
                   fmt::format("The {} quotation mark before “{}” is never closed.", kind, excerpt(text, m.end)));
      else if (m.role == QuoteRole::Stray)
        out.report(m.begin, m.end - m.begin,
                   fmt::format("The closing {} quotation mark “{}” has no opening mark before it.", kind, mark));
    }
  }
};

COPYDESK_REGISTER_CHECK("unbalanced-quote", [](const Rule&, const LoadContext&) {
  return std::make_unique<UnbalancedQuote>();
});

}  // namespace
}  // namespace copydesk
