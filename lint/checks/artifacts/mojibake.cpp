// mojibake kind: UTF-8 text that was decoded as Windows-1252 (or Latin-1) somewhere on
// its way: ’ becomes â€™, é becomes Ã©, a no-break space becomes Â. Each run of such
// characters is re-encoded to the bytes it came from; when those bytes are valid UTF-8
// the run is reported with the text it should have been.
#include <fmt/format.h>
#include <optional>
#include <unicode/utf8.h>

#include "engine/check.hpp"

namespace copydesk {
namespace {

// The Windows-1252 byte for a code point, or -1: the bytes 0x80-0x9F that Windows-1252
// gives to punctuation, and 0xA0-0xFF (and C1 controls, as Latin-1 reads them) as is.
int windows_1252_byte(UChar32 c) {
  static constexpr UChar32 kHigh[32] = {0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,   0x017D, 0x8F,
                                        0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178};
  if (c >= 0xA0 && c <= 0xFF) return c;
  for (int i = 0; i < 32; ++i)
    if (kHigh[i] == c) return 0x80 + i;
  if (c >= 0x80 && c <= 0x9F) return c;  // C1 controls, as Latin-1 decodes the bytes
  return -1;
}

struct Decoded {
  std::size_t end = 0;  // where the mis-decoded sequence ends in the text
  std::string utf8;     // what it should have been
};

// Reads the code points from `at` as one UTF-8 sequence mis-decoded as Windows-1252.
std::optional<Decoded> decode_at(std::string_view text, std::size_t at) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto n = static_cast<int32_t>(text.size());
  auto i = static_cast<int32_t>(at);
  UChar32 c;
  U8_NEXT(s, i, n, c);
  const int lead = windows_1252_byte(c);
  // "Â " is a no-break space (C2 A0) whose second byte became a plain space.
  if (lead == 0xC2 && i < n && text[i] == ' ') return Decoded{static_cast<std::size_t>(i) + 1, " "};
  const int trail = lead >= 0xC2 && lead <= 0xDF ? 1 : lead >= 0xE0 && lead <= 0xEF ? 2 : lead >= 0xF0 && lead <= 0xF4 ? 3 : 0;
  if (trail == 0) return std::nullopt;
  std::string bytes(1, static_cast<char>(lead));
  for (int k = 0; k < trail; ++k) {
    if (i >= n) return std::nullopt;
    U8_NEXT(s, i, n, c);
    const int b = windows_1252_byte(c);
    if (b < 0x80 || b > 0xBF) return std::nullopt;
    bytes += static_cast<char>(b);
  }
  c = code_point_at(bytes, 0);
  // Three bytes: punctuation, symbols and letters below CJK ("café”…" is no mojibake).
  // Four bytes: emoji.
  if (c < 0 || (trail == 2 && c >= 0x3000) || (trail == 3 && (c < 0x1F000 || c > 0x1FAFF))) return std::nullopt;
  return Decoded{static_cast<std::size_t>(i), bytes};
}

class Mojibake : public Check {
 public:
  void run(const Document& doc, const Resources&, Emitter& out) const override {
    const std::string_view text = doc.text();
    for (std::size_t at = 0; at < text.size();) {
      if (static_cast<unsigned char>(text[at]) < 0x80) {
        at = first_non_ascii(text, at);  // ASCII is never mojibake
        continue;
      }
      std::string fixed;
      std::size_t end = at;
      while (end < text.size()) {
        const auto d = decode_at(text, end);
        if (!d) break;
        fixed += d->utf8;
        end = d->end;
      }
      if (end == at) {
        U8_FWD_1(reinterpret_cast<const uint8_t*>(text.data()), at, text.size());
        continue;
      }
      out.report(at, end - at,
                 fmt::format("“{}” is mojibake: UTF-8 text read as Windows-1252; it should read “{}”.",
                             text.substr(at, end - at), fixed),
                 {fixed});
      at = end;
    }
  }
};

COPYDESK_REGISTER_CHECK("mojibake", [](const Rule&, const LoadContext&) {
  return std::make_unique<Mojibake>();
});

}  // namespace
}  // namespace copydesk
