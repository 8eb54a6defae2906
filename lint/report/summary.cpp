#include "report/reporter.hpp"

namespace copydesk {

Summary summarize(const std::vector<CheckedFile>& files) {
  Summary s;
  s.files = files.size();
  for (const auto& f : files) {
    s.words += f.result.words;
    for (const auto& d : f.result.diagnostics) {
      if (d.severity == Severity::Error) ++s.errors;
      else if (d.severity == Severity::Warning) ++s.warnings;
      else ++s.info;
    }
  }
  return s;
}

}  // namespace copydesk
