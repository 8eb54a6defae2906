// invisible-character kind: control characters anywhere, and zero-width characters or
// soft hyphens inside a word, where they break search, spelling and copy-paste without
// showing. Zero-width joiners between letters of scripts that need them (Arabic,
// Devanagari...) and a byte-order mark at the start of the file are left alone.
#include <fmt/format.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include "engine/check.hpp"

namespace copydesk {
namespace {

const char* invisible_name(UChar32 c) {
  switch (c) {
    case 0x200B: return "zero-width space";
    case 0x200C: return "zero-width non-joiner";
    case 0x200D: return "zero-width joiner";
    case 0x2060: return "word joiner";
    case 0xFEFF: return "zero-width no-break space";
    case 0x00AD: return "soft hyphen";
    default: return nullptr;
  }
}

bool is_control(UChar32 c) {
  if (c == '\t' || c == '\n' || c == '\r' || c == '\f') return false;
  return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F);
}

bool alphabetic_script(UChar32 c) {
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(c, &status);
  return script == USCRIPT_LATIN || script == USCRIPT_CYRILLIC || script == USCRIPT_GREEK;
}

class InvisibleCharacter : public Check {
 public:
  void run(const Document& doc, const Resources&, Emitter& out) const override {
    const std::string_view text = doc.text();
    const auto* s = reinterpret_cast<const uint8_t*>(text.data());
    const auto n = static_cast<int32_t>(text.size());
    for (int32_t i = 0; i < n;) {
      // Printable ASCII, most of any text, is none of what is looked for.
      if (s[i] >= 0x20 && s[i] < 0x7F) {
        ++i;
        continue;
      }
      const int32_t at = i;
      UChar32 c;
      U8_NEXT(s, i, n, c);
      const char* name = invisible_name(c);
      if (name == nullptr && !is_control(c)) continue;
      // The characters either side (the text is valid UTF-8: the source made it so).
      UChar32 prev = 0, next = 0;
      if (at > 0) {
        int32_t j = at;
        U8_PREV(s, 0, j, prev);
      }
      if (i < n) {
        int32_t j = i;
        U8_NEXT(s, j, n, next);
      }
      // C1 controls beside other non-ASCII characters are part of mojibake (â€\x9d).
      if (is_control(c) && !(c >= 0x80 && (prev >= 0x80 || next >= 0x80))) {
        out.report(at, i - at, fmt::format("A control character (U+{:04X}) is hidden in the text.", c), {""});
      } else if (name != nullptr && u_isalpha(prev) && u_isalpha(next)) {
        const bool joiner = c == 0x200C || c == 0x200D;
        const bool markup_hyphen = c == 0x00AD && doc.source().format() == Format::Html;
        if (!markup_hyphen && (!joiner || (alphabetic_script(prev) && alphabetic_script(next))))
          out.report(at, i - at,
                     fmt::format("An invisible {} (U+{:04X}) sits inside “{}”.", name, c,
                                 words_around(text, at, i)),
                     {""});
      }
    }
  }
};

COPYDESK_REGISTER_CHECK("invisible-character", [](const Rule&, const LoadContext&) {
  return std::make_unique<InvisibleCharacter>();
});

}  // namespace
}  // namespace copydesk
