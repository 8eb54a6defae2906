#include "report/reporter.hpp"

namespace copydesk {

Summary summarize(const std::vector<Result>& files) {
  Summary s;
  s.files = files.size();
  for (const auto& f : files) {
    s.words += f.words;
    for (const auto& d : f.diagnostics) {
      if (d.severity == Severity::Error) ++s.errors;
      else if (d.severity == Severity::Warning) ++s.warnings;
      else ++s.info;
    }
  }
  return s;
}

}  // namespace copydesk
