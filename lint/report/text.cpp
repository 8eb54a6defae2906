#include <algorithm>
#include <fmt/format.h>
#include <unicode/utf8.h>

#include "base/text.hpp"
#include "report/reporter.hpp"

namespace copydesk {
namespace {

constexpr std::size_t kContext = 40;  // code points shown each side of a span on a long line
constexpr std::size_t kSpan = 120;    // code points of a span underlined before it is cut

struct Style {
  bool on;
  std::string operator()(std::string_view code, std::string_view text) const {
    return on ? fmt::format("\x1b[{}m{}\x1b[0m", code, text) : std::string(text);
  }
};

std::string_view severity_color(Severity s) {
  switch (s) {
    case Severity::Error: return "1;31";
    case Severity::Warning: return "1;35";
    case Severity::Info: return "1;36";
  }
  return "1";
}

// A byte offset `points` code points before or after `at` in a line, stopping at its ends.
std::size_t step_back(std::string_view line, std::size_t at, std::size_t points) {
  const auto* s = reinterpret_cast<const uint8_t*>(line.data());
  int32_t i = static_cast<int32_t>(at);
  for (; points > 0 && i > 0; --points) U8_BACK_1(s, 0, i);
  return static_cast<std::size_t>(i);
}

std::size_t step_forward(std::string_view line, std::size_t at, std::size_t points) {
  const auto* s = reinterpret_cast<const uint8_t*>(line.data());
  const int32_t n = static_cast<int32_t>(line.size());
  int32_t i = static_cast<int32_t>(at);
  for (; points > 0 && i < n; --points) U8_FWD_1(s, i, n);
  return static_cast<std::size_t>(i);
}

// A piece of a line as shown under a finding: a tab as a space (it would shift the
// underline), other controls escaped; and its width in columns.
struct Shown {
  std::string text;
  std::size_t width = 0;
};

Shown show(std::string_view piece) {
  Shown out;
  const auto* s = reinterpret_cast<const uint8_t*>(piece.data());
  const int32_t n = static_cast<int32_t>(piece.size());
  for (int32_t i = 0; i < n;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    const std::string one = c == '\t' ? std::string(" ")
                                       : escape_controls(piece.substr(static_cast<std::size_t>(start),
                                                                      static_cast<std::size_t>(i - start)));
    out.text += one;
    out.width += static_cast<std::size_t>(std::count_if(one.begin(), one.end(), [](char b) { return (b & 0xC0) != 0x80; }));
  }
  return out;
}

// The finding's line around its span, the span underlined: work and output in
// proportion to the excerpt, however long the line (kContext code points each side, a
// long span cut at kSpan).
void show_excerpt(std::ostream& out, const Source& source, const Diagnostic& d, const Style& style) {
  const Position a = source.position(d.offset);
  const std::string_view line = source.line_text(a.line);
  const std::size_t line_start = static_cast<std::size_t>(line.data() - source.valid_text().data());
  const std::size_t at = std::min(line.size(), d.offset > line_start ? d.offset - line_start : 0);
  const std::size_t span_end = std::min(line.size(), d.offset + d.length - std::min(d.offset + d.length, line_start));
  const std::size_t from = step_back(line, at, kContext);
  const std::size_t shown_end = std::min(span_end, step_forward(line, at, kSpan));
  const std::size_t to = step_forward(line, std::max(shown_end, step_forward(line, at, 1)), kContext);
  const Shown before = show(line.substr(from, at - from));
  const Shown span = show(line.substr(at, shown_end - at));
  const Shown after = show(line.substr(shown_end, to - shown_end));
  const std::string prefix = from > 0 ? "…" : "";
  // Under the span: the columns before it, plus the "…" shown in front.
  const std::string indent(before.width + (from > 0 ? 1 : 0), ' ');
  out << "    " << prefix << before.text << span.text << after.text << (to < line.size() ? "…" : "") << '\n';
  const std::size_t width = std::max<std::size_t>(1, span.width);
  out << "    " << indent << style("1;32", std::string(1, '^').append(width - 1, '~')) << (shown_end < span_end ? "…" : "")
      << '\n';
  if (!d.suggestions.empty()) {
    std::string list;
    // An empty replacement means the flagged text should go.
    for (const auto& s : d.suggestions) list += (list.empty() ? "" : ", ") + (s.empty() ? "remove it" : fmt::format("“{}”", escape_controls(s)));
    out << "    " << indent << style("32", "suggestion: " + list) << '\n';
  }
  source.release(d.offset, d.length);  // a mapped file's quoted page goes again
}

}  // namespace

void report_text(std::ostream& out, const std::vector<Result>& files, const RenderOptions& options) {
  const Style style{options.color};
  for (const auto& f : files) {
    const std::string path = escape_controls(f.path);
    for (const Diagnostic& d : f.diagnostics) {
      const Position a = f.source->position(d.offset);
      out << style("1", fmt::format("{}:{}:{}:", path, a.line, a.column)) << ' '
          << style(severity_color(d.severity), fmt::format("{}:", severity_name(d.severity))) << ' '
          << escape_controls(d.message)
          << ' ' << style("2", fmt::format("[{}]", d.rule)) << '\n';
      show_excerpt(out, *f.source, d, style);
      for (const Related& r : d.related) {
        const Position p = f.source->position(r.offset);
        out << style("1", fmt::format("{}:{}:{}:", path, p.line, p.column)) << ' ' << style("1;90", "note:")
            << ' ' << escape_controls(r.message) << '\n';
      }
    }
  }
  const Summary s = summarize(files);
  out << fmt::format("{} file{} checked, {} words: {} error{}, {} warning{}, {} info\n", s.files,
                     s.files == 1 ? "" : "s", s.words, s.errors, s.errors == 1 ? "" : "s", s.warnings,
                     s.warnings == 1 ? "" : "s", s.info);
}

}  // namespace copydesk
