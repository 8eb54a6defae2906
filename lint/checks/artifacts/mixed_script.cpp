// mixed-script kind: a word that mixes scripts, such as a Cyrillic "а" inside a Latin
// word: it looks right and is not, so search, spelling and name checks miss it. ICU's
// spoof checker decides (highly restrictive level: Latin with Han, kana or Hangul is
// allowed, as Japanese and Korean mix them); the suggestion swaps each letter of the
// minority script for its look-alike in the word's main script when one exists.
#include <algorithm>
#include <map>
#include <memory>
#include <stdexcept>
#include <fmt/format.h>
#include <unicode/uscript.h>
#include <unicode/uspoof.h>
#include <unicode/utf8.h>

#include "base/text.hpp"
#include "engine/check.hpp"

namespace copydesk {
namespace {

struct SpoofCloser {
  void operator()(USpoofChecker* sc) const { uspoof_close(sc); }
};

UScriptCode script_of(UChar32 c) {
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(c, &status);
  return U_FAILURE(status) ? USCRIPT_COMMON : script;
}

class MixedScript : public Check {
 public:
  MixedScript() {
    UErrorCode status = U_ZERO_ERROR;
    checker_.reset(uspoof_open(&status));
    uspoof_setChecks(checker_.get(), USPOOF_RESTRICTION_LEVEL, &status);
    uspoof_setRestrictionLevel(checker_.get(), USPOOF_HIGHLY_RESTRICTIVE);
    if (U_FAILURE(status)) throw std::runtime_error("ICU spoof checker unavailable");
  }

  // A configured USpoofChecker is safe to use from several threads at once.
  void run(const Document& doc, const Resources&, Emitter& out) const override {
    // A name spelled with accents recurs through an article: each spelling is checked
    // once (about 4,000 instructions a check).
    StringMap<bool> mixed;
    for (const Token& t : doc.tokens()) {
      if (t.kind != TokenKind::Word || is_ascii(t.text)) continue;
      auto seen = mixed.find(t.text);
      if (seen == mixed.end()) seen = mixed.emplace(std::string(t.text), mixes_scripts(t.text)).first;
      if (seen->second) report(t, out);
    }
  }

 private:
  bool mixes_scripts(std::string_view word) const {
    UErrorCode status = U_ZERO_ERROR;
    const int32_t result = uspoof_check2UTF8(checker_.get(), word.data(), static_cast<int32_t>(word.size()), nullptr, &status);
    return U_SUCCESS(status) && (result & USPOOF_RESTRICTION_LEVEL) != 0;
  }

  void report(const Token& t, Emitter& out) const {
    std::map<UScriptCode, int> letters;
    const auto* s = reinterpret_cast<const uint8_t*>(t.text.data());
    const auto n = static_cast<int32_t>(t.size());
    for (int32_t i = 0; i < n;) {
      UChar32 c;
      U8_NEXT(s, i, n, c);
      const UScriptCode script = script_of(c);
      if (script != USCRIPT_COMMON && script != USCRIPT_INHERITED) ++letters[script];
    }
    if (letters.size() < 2) return;
    const auto main = std::max_element(letters.begin(), letters.end(),
                                       [](const auto& a, const auto& b) { return a.second < b.second; });
    std::string names;
    for (const auto& [script, count] : letters)
      if (script != main->first) names += std::string(names.empty() ? "" : ", ") + uscript_getName(script);
    out.report(t.begin, t.size(),
               fmt::format("“{}” mixes {} letters with {} ones that look alike but are other characters.",
                           t.text, uscript_getName(main->first), names),
               suggestion(t.text, main->first));
  }

  // Each letter outside the main script replaced by its confusable skeleton, when that
  // is one letter of the main script; empty when one has no such look-alike.
  std::vector<std::string> suggestion(std::string_view word, UScriptCode main) const {
    std::string fixed;
    const auto* s = reinterpret_cast<const uint8_t*>(word.data());
    const auto n = static_cast<int32_t>(word.size());
    for (int32_t i = 0; i < n;) {
      const int32_t at = i;
      UChar32 c;
      U8_NEXT(s, i, n, c);
      const UScriptCode script = script_of(c);
      if (script == main || script == USCRIPT_COMMON || script == USCRIPT_INHERITED) {
        fixed.append(word.substr(at, i - at));
        continue;
      }
      char skeleton[16];
      UErrorCode status = U_ZERO_ERROR;
      const int32_t len = uspoof_getSkeletonUTF8(checker_.get(), 0, word.data() + at, i - at, skeleton,
                                                 sizeof skeleton, &status);
      if (U_FAILURE(status) || len <= 0) return {};
      int32_t k = 0;
      UChar32 look_alike;
      U8_NEXT(reinterpret_cast<const uint8_t*>(skeleton), k, len, look_alike);
      if (k != len || script_of(look_alike) != main) return {};
      fixed.append(skeleton, len);
    }
    return {fixed};
  }

  std::unique_ptr<USpoofChecker, SpoofCloser> checker_;
};

COPYDESK_REGISTER_CHECK("mixed-script", [](const Rule&, const LoadContext&) {
  return std::make_unique<MixedScript>();
});

}  // namespace
}  // namespace copydesk
