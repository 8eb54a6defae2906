// invalid-utf8 kind: bytes that are not UTF-8. The Source blanks them to spaces so the
// rest of the file is still checked; here each broken sequence is reported once, and a
// file with many of them, saved in another encoding, gets one finding naming the
// encoding ICU's detector takes it for, instead of one per accented letter.
#include <memory>

#include <fmt/format.h>
#include <unicode/ucsdet.h>

#include "engine/check.hpp"

namespace copydesk {
namespace {

// More broken sequences than this and the file is taken for another encoding.
constexpr std::size_t kDamagedAtMost = 3;
// Places shown beside that one finding.
constexpr std::size_t kRelatedShown = 5;

// The encoding ICU's charset detector takes the bytes for, or empty.
std::string detected_encoding(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> detector(ucsdet_open(&status), &ucsdet_close);
  if (U_FAILURE(status)) return {};
  ucsdet_setText(detector.get(), bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  const UCharsetMatch* match = ucsdet_detect(detector.get(), &status);
  if (U_FAILURE(status) || match == nullptr) return {};
  const char* name = ucsdet_getName(match, &status);
  return U_SUCCESS(status) && name != nullptr && std::string_view(name) != "UTF-8" ? name : "";
}

// One finding for a file saved in another encoding, at its first bad sequence, naming
// the encoding ICU's detector takes the file for.
void say_not_utf8(const Source& file, Emitter& out) {
  const auto& ranges = file.invalid_utf8();
  const std::string encoding = detected_encoding(file.bytes());
  file.release(0, file.bytes().size());  // the detector read all of a mapped file
  Diagnostic& d = out.report(
      ranges[0].offset, ranges[0].length,
      fmt::format("This file is not UTF-8: {} byte sequences are invalid{}. Convert it to UTF-8 (iconv -f {} -t "
                  "UTF-8); its non-ASCII letters are read as spaces until then.",
                  ranges.size(), encoding.empty() ? "" : fmt::format("; it looks like {}", encoding),
                  encoding.empty() ? "ENCODING" : encoding));
  for (std::size_t k = 1; k < ranges.size() && k <= kRelatedShown; ++k)
    d.related.push_back({ranges[k].offset, ranges[k].length, "another invalid byte sequence"});
}

class InvalidUtf8 : public Check {
 public:
  void run(const Document& doc, const Resources&, Emitter& out) const override {
    if (const auto& in_file = doc.file().invalid_utf8(); in_file.size() > kDamagedAtMost) {
      // Said of the whole file, once: in its first section, whose offsets are the file's.
      if (doc.offset_in_file() == 0) say_not_utf8(doc.file(), out);
      return;
    }
    const std::string_view bytes = doc.source().bytes();
    for (const InvalidRange& r : doc.source().invalid_utf8()) {
      std::string hex;
      for (std::size_t i = r.offset; i < r.offset + r.length && i < r.offset + 8; ++i)
        hex += fmt::format("{}{:02X}", hex.empty() ? "" : " ", static_cast<unsigned char>(bytes[i]));
      if (r.length > 8) hex += " …";
      out.report(r.offset, r.length,
                 fmt::format("The byte{} “{}” {} not valid UTF-8: the file was saved in another encoding or damaged.",
                             r.length == 1 ? "" : "s", hex, r.length == 1 ? "is" : "are"));
    }
  }
};

COPYDESK_REGISTER_CHECK("invalid-utf8", [](const Rule&, const LoadContext&) {
  return std::make_unique<InvalidUtf8>();
});

}  // namespace
}  // namespace copydesk
