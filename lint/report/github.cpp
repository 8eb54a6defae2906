#include <fmt/format.h>

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

void report_github(std::ostream& out, const std::vector<Result>& files) {
  for (const auto& f : files) {
    for (const Diagnostic& d : f.diagnostics) {
      const Position a = f.source->position(d.offset);
      const Position b = f.source->position(d.offset + d.length);
      out << fmt::format("::{} file={},line={},col={},endLine={},endColumn={},title={}::{}\n", command(d.severity),
                         escape_property(f.path), a.line, a.column, b.line, b.column, escape_property(d.rule),
                         escape_data(d.message));
    }
  }
}

}  // namespace copydesk
