#include <nlohmann/json.hpp>

#include "report/reporter.hpp"

namespace copydesk {

void report_json(std::ostream& out, const std::vector<Result>& files) {
  using nlohmann::ordered_json;
  ordered_json doc;
  doc["version"] = 1;
  ordered_json list = ordered_json::array();
  for (const auto& f : files) {
    ordered_json diags = ordered_json::array();
    for (const Diagnostic& d : f.diagnostics) {
      const Position start = f.source->position(d.offset);
      const Position end = f.source->position(d.offset + d.length);
      ordered_json related = ordered_json::array();
      for (const Related& r : d.related) {
        const Position p = f.source->position(r.offset);
        related.push_back({{"line", p.line}, {"column", p.column}, {"offset", r.offset}, {"length", r.length},
                           {"message", r.message}});
      }
      diags.push_back({{"rule", d.rule},
                       {"category", d.category},
                       {"severity", severity_name(d.severity)},
                       {"message", d.message},
                       {"line", start.line},
                       {"column", start.column},
                       {"end_line", end.line},
                       {"end_column", end.column},
                       {"offset", d.offset},
                       {"length", d.length},
                       {"text", f.source->bytes().substr(d.offset, d.length)},
                       {"suggestions", d.suggestions},
                       {"related", related}});
    }
    list.push_back({{"path", f.path}, {"words", f.words}, {"diagnostics", diags}});
  }
  doc["files"] = list;
  const Summary s = summarize(files);
  doc["summary"] = {{"files", s.files}, {"words", s.words}, {"errors", s.errors}, {"warnings", s.warnings},
                    {"info", s.info}};
  // Invalid UTF-8 in a flagged text is replaced rather than aborting the whole report.
  out << doc.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
}

}  // namespace copydesk
