// reviewdog's diagnostic format: rdjson (one document) and rdjsonl (one diagnostic a
// line). reviewdog counts columns in UTF-8 bytes, not code points as the other formats do.
#include <map>
#include <nlohmann/json.hpp>

#include "report/reporter.hpp"

namespace copydesk {
namespace {

using nlohmann::ordered_json;

std::string_view rdjson_severity(Severity s) {
  switch (s) {
    case Severity::Error: return "ERROR";
    case Severity::Warning: return "WARNING";
    case Severity::Info: return "INFO";
  }
  return "WARNING";
}

// 1-based line and 1-based column in bytes from the line's start.
ordered_json byte_position(const Source& source, std::size_t offset) {
  const std::size_t line = source.position(offset).line;
  return {{"line", line}, {"column", offset - source.line_start(line) + 1}};
}

ordered_json byte_range(const Source& source, std::size_t offset, std::size_t length) {
  return {{"start", byte_position(source, offset)}, {"end", byte_position(source, offset + length)}};
}

ordered_json diagnostic(const Result& f, const Diagnostic& d, const std::map<std::string, const Rule*>& rules) {
  const ordered_json range = byte_range(*f.source, d.offset, d.length);
  ordered_json code = {{"value", d.rule}};
  if (auto it = rules.find(d.rule); it != rules.end() && !it->second->help_uri.empty())
    code["url"] = it->second->help_uri;
  ordered_json out = {{"message", d.message},
                      {"location", {{"path", f.path}, {"range", range}}},
                      {"severity", rdjson_severity(d.severity)},
                      {"source", {{"name", "copydesk"}}},
                      {"code", code}};
  // reviewdog applies all of a diagnostic's suggestions together, so alternatives for
  // one span cannot be offered: only the best goes in.
  if (!d.suggestions.empty()) out["suggestions"] = {{{"range", range}, {"text", d.suggestions.front()}}};
  if (!d.related.empty()) {
    ordered_json related = ordered_json::array();
    for (const Related& r : d.related)
      related.push_back(
          {{"message", r.message}, {"location", {{"path", f.path}, {"range", byte_range(*f.source, r.offset, r.length)}}}});
    out["related_locations"] = related;
  }
  return out;
}

std::map<std::string, const Rule*> by_id(const std::vector<Rule>& rules) {
  std::map<std::string, const Rule*> out;
  for (const Rule& r : rules) out[r.id] = &r;
  return out;
}

std::string dump(const ordered_json& j, int indent) {
  return j.dump(indent, ' ', false, ordered_json::error_handler_t::replace);
}

}  // namespace

void report_rdjson(std::ostream& out, const std::vector<Result>& files, const std::vector<Rule>& rules) {
  const auto index = by_id(rules);
  ordered_json diagnostics = ordered_json::array();
  for (const Result& f : files)
    for (const Diagnostic& d : f.diagnostics) diagnostics.push_back(diagnostic(f, d, index));
  out << dump({{"source", {{"name", "copydesk"}}}, {"diagnostics", diagnostics}}, 2) << '\n';
}

void report_rdjsonl(std::ostream& out, const std::vector<Result>& files, const std::vector<Rule>& rules) {
  const auto index = by_id(rules);
  for (const Result& f : files)
    for (const Diagnostic& d : f.diagnostics) out << dump(diagnostic(f, d, index), -1) << '\n';
}

}  // namespace copydesk
