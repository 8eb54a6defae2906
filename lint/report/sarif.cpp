#include <cctype>
#include <map>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "report/fingerprint.hpp"
#include "report/reporter.hpp"

namespace copydesk {
namespace {

std::string_view sarif_level(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Info: return "note";
  }
  return "warning";
}

nlohmann::ordered_json region(const Source& source, std::size_t offset, std::size_t length) {
  const Position start = source.position(offset);
  const Position end = source.position(offset + length);
  return {{"startLine", start.line}, {"startColumn", start.column}, {"endLine", end.line},
          {"endColumn", end.column}, {"byteOffset", offset},        {"byteLength", length}};
}

// A file path as a relative URI reference: each byte outside RFC 3986's unreserved set
// and '/' percent-encoded ("a b.txt" → "a%20b.txt"); standard input has no path.
std::string artifact_uri(const std::string& path) {
  if (path == "<stdin>") return "stdin";
  std::string out;
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') out += static_cast<char>(c);
    else out += fmt::format("%{:02X}", c);
  }
  return out;
}

}  // namespace

RuleCatalogue rule_catalogue(const std::vector<Rule>& rules) {
  RuleCatalogue catalogue;
  catalogue.rules = &rules;
  for (const Rule& r : rules) {
    if (!r.enabled) continue;
    catalogue.index[r.id] = catalogue.list.size();
    const std::string& explanation = r.description.empty() ? r.message : r.description;
    nlohmann::ordered_json rule = {{"id", r.id},
                                   {"shortDescription", {{"text", r.message}}},
                                   {"fullDescription", {{"text", explanation}}},
                                   {"help", {{"text", explanation}}},
                                   {"defaultConfiguration", {{"level", sarif_level(r.severity)}}},
                                   {"properties", {{"category", r.category}}}};
    if (!r.help_uri.empty()) rule["helpUri"] = r.help_uri;
    catalogue.list.push_back(rule);
  }
  return catalogue;
}

void report_sarif(std::ostream& out, const std::vector<Result>& files, const RuleCatalogue& rules) {
  using nlohmann::ordered_json;
  ordered_json results = ordered_json::array();
  for (const auto& f : files) {
    const ordered_json artifact = {{"uri", artifact_uri(f.path)}};
    const std::vector<std::string> prints = fingerprints(f);
    for (std::size_t n = 0; n < f.diagnostics.size(); ++n) {
      const Diagnostic& d = f.diagnostics[n];
      ordered_json result = {
          {"ruleId", d.rule},
          {"level", sarif_level(d.severity)},
          {"message", {{"text", d.message}}},
          {"locations",
           {{{"physicalLocation", {{"artifactLocation", artifact}, {"region", region(*f.source, d.offset, d.length)}}}}}},
          {"partialFingerprints", {{"copydesk/v1", prints[n]}}}};
      if (auto it = rules.index.find(d.rule); it != rules.index.end()) result["ruleIndex"] = it->second;
      if (!d.related.empty()) {
        ordered_json related = ordered_json::array();
        for (std::size_t i = 0; i < d.related.size(); ++i) {
          const Related& r = d.related[i];
          related.push_back({{"id", i},
                             {"message", {{"text", r.message}}},
                             {"physicalLocation",
                              {{"artifactLocation", artifact}, {"region", region(*f.source, r.offset, r.length)}}}});
        }
        result["relatedLocations"] = related;
      }
      if (!d.suggestions.empty()) {
        ordered_json fixes = ordered_json::array();
        for (const std::string& s : d.suggestions)
          fixes.push_back({{"description", {{"text", "Replace with “" + s + "”"}}},
                           {"artifactChanges",
                            {{{"artifactLocation", artifact},
                              {"replacements",
                               {{{"deletedRegion", region(*f.source, d.offset, d.length)},
                                 {"insertedContent", {{"text", s}}}}}}}}}});
        result["fixes"] = fixes;
      }
      results.push_back(result);
    }
  }
  ordered_json doc = {
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs",
       {{{"tool", {{"driver", {{"name", "copydesk"}, {"version", COPYDESK_VERSION}, {"rules", rules.list}}}}},
         {"columnKind", "unicodeCodePoints"},
         {"results", results}}}}};
  out << doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
}

}  // namespace copydesk
