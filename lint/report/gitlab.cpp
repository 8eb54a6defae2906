// GitLab's Code Quality report (a JSON array of issues), shown in merge requests. Each
// issue carries a fingerprint that GitLab uses to tell new findings from old ones.
#include <nlohmann/json.hpp>

#include "report/fingerprint.hpp"
#include "report/reporter.hpp"

namespace copydesk {
namespace {

std::string_view gitlab_severity(Severity s) {
  switch (s) {
    case Severity::Error: return "major";
    case Severity::Warning: return "minor";
    case Severity::Info: return "info";
  }
  return "minor";
}

}  // namespace

void report_gitlab(std::ostream& out, const std::vector<Result>& files) {
  using nlohmann::ordered_json;
  ordered_json issues = ordered_json::array();
  for (const Result& f : files) {
    const std::vector<std::string> prints = fingerprints(f);
    for (std::size_t i = 0; i < f.diagnostics.size(); ++i) {
      const Diagnostic& d = f.diagnostics[i];
      issues.push_back({{"type", "issue"},
                        {"check_name", d.rule},
                        {"description", d.message},
                        {"categories", {"Style"}},
                        {"severity", gitlab_severity(d.severity)},
                        // GitLab's fingerprints are unique across the project: the path goes in.
                        {"fingerprint", sha256_hex(f.path + '\0' + prints[i]).substr(0, 32)},
                        {"location",
                         {{"path", f.path},
                          {"lines",
                           {{"begin", f.source->position(d.offset).line},
                            {"end", f.source->position(d.offset + d.length).line}}}}}});
    }
  }
  out << issues.dump(2, ' ', false, ordered_json::error_handler_t::replace) << '\n';
}

}  // namespace copydesk
