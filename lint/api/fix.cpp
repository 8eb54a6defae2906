// --fix: which suggestions may be applied unasked, and the text with them applied.
#include <algorithm>
#include <set>

#include "copydesk/copydesk.hpp"
#include "engine/engine.hpp"
#include "source/prose.hpp"

namespace copydesk {
namespace {

struct Edit {
  std::size_t offset, length;
  const std::string* text;
  std::size_t end() const { return offset + length; }
};

// Markup is never rewritten: every byte of the span must be prose as written (no tag,
// Markdown syntax, invalid UTF-8 or byte-order mark blanked there).
bool prose_only(const Source& source, const Prose& prose, const Diagnostic& d) {
  const std::string_view text = prose.view();
  if (d.offset + d.length > source.bytes().size() || d.offset + d.length > text.size()) return false;
  return text.substr(d.offset, d.length) == source.bytes().substr(d.offset, d.length);
}

}  // namespace

FixResult Linter::fix(const Result& result) const {
  std::set<std::string> safe;
  for (const RuleInfo& r : rules())
    if (r.safe_fix) safe.insert(r.id);
  const Source& source = *result.source;
  const Prose prose = extract_prose(source);
  FixResult out;
  out.original = source.bytes();
  std::vector<Edit> edits;
  for (const Diagnostic& d : result.diagnostics) {
    if (d.suggestions.empty()) continue;
    if (safe.count(d.rule) && d.suggestions.size() == 1 && prose_only(source, prose, d))
      edits.push_back({d.offset, d.length, &d.suggestions.front()});
    else ++out.skipped;
  }
  std::sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) { return a.offset < b.offset; });
  // Two fixes that overlap (or edit one span twice) cannot both be right: neither is made.
  std::vector<bool> overlaps(edits.size(), false);
  for (std::size_t i = 1; i < edits.size(); ++i)
    if (edits[i].offset < edits[i - 1].end() || edits[i].offset == edits[i - 1].offset)
      overlaps[i] = overlaps[i - 1] = true;
  std::size_t copied = 0;
  for (std::size_t i = 0; i < edits.size(); ++i) {
    if (overlaps[i]) {
      ++out.skipped;
      continue;
    }
    out.fixed.append(source.bytes(), copied, edits[i].offset - copied);
    out.fixed += *edits[i].text;
    copied = edits[i].end();
    ++out.applied;
  }
  out.fixed.append(source.bytes(), copied);
  source.verify_unchanged();  // the text fixed is the text checked
  return out;
}

}  // namespace copydesk
