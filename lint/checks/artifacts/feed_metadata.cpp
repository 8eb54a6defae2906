// feed-metadata kind: dates, times and update notes that a feed or content system left in
// the article ("date 2022-01-27" glued to the first sentence, "Posted 2021-03-04 10:45",
// "[Updated 3:10 p.m.]", "Last modified: Jan. 27, 2022"). A news sentence writes dates
// as "Jan. 27", so a label before an ISO date, or a label and a colon opening a line,
// is not prose.
#include <cctype>
#include <fmt/format.h>
#include <re2/re2.h>

#include "checks/artifacts/regex_characters.hpp"
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

// The note of an update bracket may be up to 120 characters long, and a colon after a
// line's label may be followed by up to 30 before the date's first digit. Written as
// counted repetitions of a UTF-8 class these would grow the program 120- and 30-fold,
// which RE2 compiles and builds a DFA for on every run; the expression takes any length
// and `within_limits` rejects what is too long. Nothing else can match where such a note
// or label starts, so after a rejection the search goes on from the next byte, as the
// bounded expression would have.
const RE2& metadata() {
  static const RE2 re(fmt::format(
      // 1: a label, optionally "on" and a colon, then an ISO date (and time), anywhere.
      R"((\b{label}(?: on| at)?:? ?{iso})|)"
      // 2: an ISO timestamp on its own.
      R"((\b\d{{4}}-\d{{2}}-\d{{2}}T\d{{2}}:\d{{2}}(?::\d{{2}})?(?:\.\d+)?(?:Z|[+-]\d{{2}}:?\d{{2}})?)|)"
      // 3: an update note in square brackets, or in parentheses opening a line.
      R"((\[(?:Updated|UPDATED|Update|UPDATE)\b[^\]\n]*\]|(?m:^)[ \t]*\((?:Updated|UPDATED)\b[^)\n]*\))|)"
      // 4: a line that opens with a label: a colon and a date, or a spelled-out date.
      R"(((?m:^)[ \t]*{label}(?: on| at)?(?::[^\n\d]*\d[\d:/., -]*(?:[ap]\.m\.|[AaPp][Mm]\b)?|)"
      R"( {month} \d{{1,2}},? \d{{4}}(?:,? (?:at )?\d{{1,2}}:\d{{2}} ?(?:[ap]\.m\.|[AaPp][Mm]\b)?)?)))",
      fmt::arg("label", kLabel), fmt::arg("iso", kIsoDate), fmt::arg("month", kMonth)));
  return re;
}

// Whether a match keeps the limits the expression leaves out: an update note (group 3)
// of at most 120 characters, and at most 30 between a label's colon and the date (group 4).
bool within_limits(std::string_view note, std::string_view labelled) {
  if (!note.empty()) {
    note.remove_prefix(note.find_first_not_of(" \t") + 1);  // up to the bracket
    const std::size_t word = note.substr(0, 7) == "Updated" || note.substr(0, 7) == "UPDATED" ? 7 : 6;
    return artifacts::regex_characters(note.substr(word, note.size() - word - 1)) <= 120;
  }
  // A colon before the first digit is the label's; a spelled-out date has none there.
  const std::size_t colon = labelled.find(':');
  const std::size_t digit = labelled.find_first_of("0123456789");
  if (colon == std::string_view::npos || colon > digit) return true;
  return artifacts::regex_characters(labelled.substr(colon + 1, digit - colon - 1)) <= 30;
}

// Whether a line can hold a match at all; the expression is tried (and compiled) only on
// lines that can. No part of the expression matches a line break, so each match lies in
// one line, and each needs one of: an ISO date, whose "-" has digits on both sides
// (groups 1 and 2); "Update" or "UPDATE" (group 3); a label opening the line, the case
// aside (group 4).
bool may_hold_metadata(std::string_view line) {
  for (std::size_t dash = line.find('-', 1); dash != std::string_view::npos && dash + 1 < line.size();
       dash = line.find('-', dash + 1))
    if (std::isdigit(static_cast<unsigned char>(line[dash - 1])) && std::isdigit(static_cast<unsigned char>(line[dash + 1])))
      return true;
  if (line.find("Update") != std::string_view::npos || line.find("UPDATE") != std::string_view::npos) return true;
  const std::size_t first = line.find_first_not_of(" \t");
  if (first == std::string_view::npos) return false;
  const std::string opening = ascii_lower(line.substr(first, 10));
  for (const std::string_view label : {"date", "posted", "published", "updated", "modified", "created", "last ", "timestamp"})
    if (opening.starts_with(label)) return true;
  return false;
}

class FeedMetadata : public Check {
 public:
  void run(const Document& doc, const Resources&, Emitter& out) const override {
    const std::string_view text = doc.text();
    // As FindAndConsume: each search looks at the text after the last match as a whole
    // text of its own (a line starts there), here from `from` up to the line's end.
    re2::StringPiece rest(text.data(), text.size()), found[5];
    for (std::size_t line = 0; line < rest.size();) {
      std::size_t end = std::string_view(rest.data(), rest.size()).find('\n', line);
      if (end == std::string_view::npos) end = rest.size();
      if (!may_hold_metadata(std::string_view(rest.data() + line, end - line))) {
        line = end + 1;
        continue;
      }
      std::size_t from = line;
      while (metadata().Match(rest, from, end, RE2::UNANCHORED, found, 5)) {
        if (!within_limits(std::string_view(found[3].data(), found[3].size()),
                           std::string_view(found[4].data(), found[4].size()))) {
          from = static_cast<std::size_t>(found[0].data() - rest.data()) + 1;
          continue;
        }
        for (const re2::StringPiece& f : {found[1], found[2], found[3], found[4]}) {
          if (f.empty()) continue;
          std::string_view match(f.data(), f.size());
          // Leading indentation and trailing separators are not part of the note.
          const std::size_t lead = match.find_first_not_of(" \t");
          match.remove_prefix(lead);
          while (!match.empty() && (match.back() == ' ' || match.back() == ',' || match.back() == '-')) match.remove_suffix(1);
          const std::size_t at = static_cast<std::size_t>(match.data() - text.data());
          out.report(at, match.size(), fmt::format("“{}” looks like feed metadata left in the article.", match), {""});
        }
        const std::size_t consumed = static_cast<std::size_t>(found[0].end() - rest.data());
        rest.remove_prefix(consumed);
        end -= consumed;
        from = 0;
      }
      line = end + 1;
    }
  }
};

COPYDESK_REGISTER_CHECK("feed-metadata", [](const Rule&, const LoadContext&) {
  return std::make_unique<FeedMetadata>();
});

}  // namespace
}  // namespace copydesk
