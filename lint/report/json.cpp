#include "report/json.hpp"

#include "report/reporter.hpp"

namespace copydesk {

nlohmann::ordered_json diagnostic_json(const Diagnostic& d, const Source& source) {
  using nlohmann::ordered_json;
  const Position start = source.position(d.offset);
  const Position end = source.position(d.offset + d.length);
  ordered_json related = ordered_json::array();
  for (const Related& r : d.related) {
    const Position p = source.position(r.offset);
    related.push_back(
        {{"line", p.line}, {"column", p.column}, {"offset", r.offset}, {"length", r.length}, {"message", r.message}});
  }
  // Field by field: an initializer list builds a two-element array for every field, then
  // checks them all to see that they make an object (about 1,000 instructions a field).
  ordered_json out = ordered_json::object();
  out["rule"] = d.rule;
  out["category"] = d.category;
  out["severity"] = severity_name(d.severity);
  out["message"] = d.message;
  out["line"] = start.line;
  out["column"] = start.column;
  out["end_line"] = end.line;
  out["end_column"] = end.column;
  out["offset"] = d.offset;
  out["length"] = d.length;
  out["text"] = source.bytes().substr(d.offset, d.length);
  out["suggestions"] = d.suggestions;
  out["related"] = std::move(related);
  source.release(d.offset, d.length);  // a mapped file's quoted page goes again
  return out;
}

nlohmann::ordered_json diagnostics_json(const std::vector<Diagnostic>& diagnostics, const Source& source) {
  nlohmann::ordered_json diags = nlohmann::ordered_json::array();
  for (const Diagnostic& d : diagnostics) diags.push_back(diagnostic_json(d, source));
  return diags;
}

std::string dump_json(const nlohmann::ordered_json& doc) {
  // Invalid UTF-8 in a flagged text is replaced rather than aborting the whole report.
  return doc.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

void report_json(std::ostream& out, const std::vector<Result>& files) {
  using nlohmann::ordered_json;
  ordered_json doc;
  doc["version"] = 1;
  ordered_json list = ordered_json::array();
  for (const auto& f : files) list.push_back({{"path", f.path}, {"words", f.words}, {"diagnostics", diagnostics_json(f.diagnostics, *f.source)}});
  doc["files"] = std::move(list);  // moved, not copied: it holds every diagnostic
  const Summary s = summarize(files);
  doc["summary"] = {{"files", s.files}, {"words", s.words}, {"errors", s.errors}, {"warnings", s.warnings},
                    {"info", s.info}};
  out << dump_json(doc) << '\n';
}

}  // namespace copydesk
