// invalid-utf8 kind: bytes that are not UTF-8. The Source blanks them to spaces so the
// rest of the file is still checked; here each broken sequence is reported once.
#include <fmt/format.h>

#include "engine/check.hpp"

namespace copydesk {
namespace {

class InvalidUtf8 : public Check {
 public:
  void run(const Document& doc, const Resources&, Emitter& out) const override {
    const std::string& bytes = doc.source().bytes();
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
