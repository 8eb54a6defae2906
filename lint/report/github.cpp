#include <algorithm>
#include <fmt/format.h>
#include <numeric>

#include "base/text.hpp"
#include "report/reporter.hpp"

namespace copydesk {
namespace {

// GitHub's workflow command escaping: data escapes % CR LF; properties also : and ,.
// Controls a terminal would act on (the log is shown in one) are escaped first.
std::string escape_data(std::string_view text) {
  std::string out;
  for (char c : escape_controls(text)) {
    if (c == '%') out += "%25";
    else if (c == '\r') out += "%0D";
    else if (c == '\n') out += "%0A";
    else out += c;
  }
  return out;
}

std::string escape_property(std::string_view s) {
  std::string out;
  for (char c : escape_data(s)) {
    if (c == ':') out += "%3A";
    else if (c == ',') out += "%2C";
    else out += c;
  }
  return out;
}

std::string_view command(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Info: return "notice";
  }
  return "warning";
}

}  // namespace

void report_github(std::ostream& out, const std::vector<Result>& files, const RenderOptions& options) {
  // GitHub shows only so many annotations of a step: the most severe go first.
  std::vector<std::pair<const Result*, const Diagnostic*>> all;
  for (const auto& f : files)
    for (const Diagnostic& d : f.diagnostics) all.emplace_back(&f, &d);
  const std::size_t limit = options.max_annotations == 0 ? all.size() : std::min(options.max_annotations, all.size());
  std::vector<std::size_t> order(all.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return all[a].second->severity > all[b].second->severity; });
  order.resize(limit);
  std::sort(order.begin(), order.end());  // shown in file order
  for (const std::size_t i : order) {
    const Result& f = *all[i].first;
    const Diagnostic& d = *all[i].second;
    const Position a = f.source->position(d.offset);
    const Position b = f.source->position(d.offset + d.length);
    out << fmt::format("::{} file={},line={},col={},endLine={},endColumn={},title={}::{}\n", command(d.severity),
                       escape_property(f.path), a.line, a.column, b.line, b.column, escape_property(d.rule),
                       escape_data(d.message));
  }
  if (limit < all.size())
    out << fmt::format("::notice title=copydesk::{} findings, {} of them annotated (--max-annotations {}); "
                       "the other {} are in the full report (--format text or sarif)\n",
                       all.size(), limit, options.max_annotations, all.size() - limit);
}

}  // namespace copydesk
