// feed-metadata kind: dates, times and update notes that a feed or content system left in
// the article ("date 2022-01-27" glued to the first sentence, "Posted 2021-03-04 10:45",
// "[Updated 3:10 p.m.]", "Last modified: Jan. 27, 2022"). A news sentence writes dates
// as "Jan. 27", so a label before an ISO date, or a label and a colon opening a line,
// is not prose.
#include <fmt/format.h>
#include <re2/re2.h>

#include "engine/check.hpp"

namespace copydesk {
namespace {

constexpr const char* kIsoDate = R"(\d{4}-\d{2}-\d{2}(?:[T ]\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?)";
constexpr const char* kMonth =
    R"((?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|)"
    R"(Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?)";
constexpr const char* kLabel =
    R"((?:[Dd]ate|DATE|[Pp]osted|POSTED|[Pp]ublished|PUBLISHED|[Uu]pdated|UPDATED|[Mm]odified|MODIFIED|)"
    R"([Cc]reated|[Ll]ast (?:[Mm]odified|[Uu]pdated)|LAST (?:MODIFIED|UPDATED)|[Tt]imestamp))";

const RE2& metadata() {
  static const RE2 re(fmt::format(
      // 1: a label, optionally "on" and a colon, then an ISO date (and time), anywhere.
      R"((\b{label}(?: on| at)?:? ?{iso})|)"
      // 2: an ISO timestamp on its own.
      R"((\b\d{{4}}-\d{{2}}-\d{{2}}T\d{{2}}:\d{{2}}(?::\d{{2}})?(?:\.\d+)?(?:Z|[+-]\d{{2}}:?\d{{2}})?)|)"
      // 3: an update note in square brackets, or in parentheses opening a line.
      R"((\[(?:Updated|UPDATED|Update|UPDATE)\b[^\]\n]{{0,120}}\]|(?m:^)[ \t]*\((?:Updated|UPDATED)\b[^)\n]{{0,120}}\))|)"
      // 4: a line that opens with a label: a colon and a date, or a spelled-out date.
      R"(((?m:^)[ \t]*{label}(?: on| at)?(?::[^\n\d]{{0,30}}\d[\d:/., -]*(?:[ap]\.m\.|[AaPp][Mm]\b)?|)"
      R"( {month} \d{{1,2}},? \d{{4}}(?:,? (?:at )?\d{{1,2}}:\d{{2}} ?(?:[ap]\.m\.|[AaPp][Mm]\b)?)?)))",
      fmt::arg("label", kLabel), fmt::arg("iso", kIsoDate), fmt::arg("month", kMonth)));
  return re;
}

class FeedMetadata : public Check {
 public:
  void run(const Document& doc, const Resources&, Emitter& out) const override {
    const std::string_view text = doc.text();
    re2::StringPiece rest(text.data(), text.size()), found[4];
    const RE2::Arg args[4] = {&found[0], &found[1], &found[2], &found[3]};
    const RE2::Arg* argv[4] = {&args[0], &args[1], &args[2], &args[3]};
    while (RE2::FindAndConsumeN(&rest, metadata(), argv, 4)) {
      for (const re2::StringPiece& f : found) {
        if (f.empty()) continue;
        std::string_view match(f.data(), f.size());
        // Leading indentation and trailing separators are not part of the note.
        const std::size_t lead = match.find_first_not_of(" \t");
        match.remove_prefix(lead);
        while (!match.empty() && (match.back() == ' ' || match.back() == ',' || match.back() == '-')) match.remove_suffix(1);
        const std::size_t at = static_cast<std::size_t>(match.data() - text.data());
        out.report(at, match.size(), fmt::format("“{}” looks like feed metadata left in the article.", match), {""});
      }
      if (rest.empty()) break;
    }
  }
};

COPYDESK_REGISTER_CHECK("feed-metadata", [](const Rule&, const LoadContext&) {
  return std::make_unique<FeedMetadata>();
});

}  // namespace
}  // namespace copydesk
