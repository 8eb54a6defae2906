#include <algorithm>
#include <fmt/format.h>
#include <unicode/utf8.h>

#include "report/reporter.hpp"

namespace copydesk {
namespace {

constexpr std::size_t kContext = 40;  // code points shown each side of a span on a long line

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

// Byte offsets of every code point start in a line, plus its end.
std::vector<std::size_t> code_point_starts(std::string_view line) {
  std::vector<std::size_t> starts;
  const auto* s = reinterpret_cast<const uint8_t*>(line.data());
  const int32_t n = static_cast<int32_t>(line.size());
  for (int32_t i = 0; i < n;) {
    starts.push_back(static_cast<std::size_t>(i));
    U8_FWD_1(s, i, n);
  }
  starts.push_back(line.size());
  return starts;
}

void show_excerpt(std::ostream& out, const Source& source, const Diagnostic& d, const Style& style) {
  const Position a = source.position(d.offset);
  const Position b = source.position(d.offset + d.length);
  const std::string_view line = source.line_text(a.line);
  const auto starts = code_point_starts(line);
  const std::size_t points = starts.size() - 1;
  const std::size_t col = std::min(a.column - 1, points);
  const std::size_t end_col = b.line == a.line ? std::min(b.column - 1, points) : points;
  const std::size_t from = col > kContext ? col - kContext : 0;
  const std::size_t to = std::min(points, std::max(end_col, col + 1) + kContext);
  std::string excerpt(line.substr(starts[from], starts[to] - starts[from]));
  // Tabs and control characters would shift the underline: show them as spaces.
  for (char& c : excerpt)
    if (static_cast<unsigned char>(c) < 0x20) c = ' ';
  const std::string prefix = from > 0 ? "…" : "";
  // Under the span: the excerpt's columns before it, plus the "…" shown in front.
  const std::string indent(col - from + (from > 0 ? 1 : 0), ' ');
  out << "    " << prefix << excerpt << (to < points ? "…" : "") << '\n';
  const std::size_t width = std::max<std::size_t>(1, end_col > col ? end_col - col : 1);
  out << "    " << indent
      << style("1;32", "^" + std::string(width - 1, '~')) << '\n';
  if (!d.suggestions.empty()) {
    std::string list;
    // An empty replacement means the flagged text should go.
    for (const auto& s : d.suggestions) list += (list.empty() ? "" : ", ") + (s.empty() ? "remove it" : fmt::format("“{}”", s));
    out << "    " << indent << style("32", "suggestion: " + list) << '\n';
  }
}

}  // namespace

void report_text(std::ostream& out, const std::vector<Result>& files, const RenderOptions& options) {
  const Style style{options.color};
  for (const auto& f : files) {
    for (const Diagnostic& d : f.diagnostics) {
      const Position a = f.source->position(d.offset);
      out << style("1", fmt::format("{}:{}:{}:", f.path, a.line, a.column)) << ' '
          << style(severity_color(d.severity), fmt::format("{}:", severity_name(d.severity))) << ' ' << d.message
          << ' ' << style("2", fmt::format("[{}]", d.rule)) << '\n';
      show_excerpt(out, *f.source, d, style);
      for (const Related& r : d.related) {
        const Position p = f.source->position(r.offset);
        out << style("1", fmt::format("{}:{}:{}:", f.path, p.line, p.column)) << ' ' << style("1;90", "note:")
            << ' ' << r.message << '\n';
      }
    }
  }
  const Summary s = summarize(files);
  out << fmt::format("{} file{} checked, {} words: {} error{}, {} warning{}, {} info\n", s.files,
                     s.files == 1 ? "" : "s", s.words, s.errors, s.errors == 1 ? "" : "s", s.warnings,
                     s.warnings == 1 ? "" : "s", s.info);
}

}  // namespace copydesk
