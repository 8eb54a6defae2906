// replacement-character kind: U+FFFD, which a converter writes where it could not decode
// a character: whatever stood there is lost and must be restored by hand.
#include <fmt/format.h>

#include "engine/check.hpp"

namespace copydesk {
namespace {

constexpr std::string_view kReplacement = "\uFFFD";

class ReplacementCharacter : public Check {
 public:
  void run(const Document& doc, const Resources&, Emitter& out) const override {
    const std::string_view text = doc.text();
    for (std::size_t at = text.find(kReplacement); at != std::string_view::npos;) {
      std::size_t end = at;
      while (text.substr(end, kReplacement.size()) == kReplacement) end += kReplacement.size();
      out.report(at, end - at, "A replacement character “\uFFFD” stands where a character was lost in a conversion.");
      at = text.find(kReplacement, end);
    }
  }
};

COPYDESK_REGISTER_CHECK("replacement-character", [](const Rule&, const LoadContext&) {
  return std::make_unique<ReplacementCharacter>();
});

}  // namespace
}  // namespace copydesk
