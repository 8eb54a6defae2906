// Reporters: each output format renders the one diagnostic model.
#pragma once
#include <ostream>
#include <string>
#include <vector>

#include "engine/engine.hpp"
#include "source/source.hpp"

namespace copydesk {

// One checked file: its source (for positions and lines) and its findings.
struct CheckedFile {
  const Source* source;
  FileResult result;
};

struct ReportOptions {
  bool color = false;
};

void report_text(std::ostream& out, const std::vector<CheckedFile>& files, const ReportOptions& options);
void report_json(std::ostream& out, const std::vector<CheckedFile>& files);
void report_sarif(std::ostream& out, const std::vector<CheckedFile>& files, const std::vector<Rule>& rules);
void report_github(std::ostream& out, const std::vector<CheckedFile>& files);

// Counts by severity, shared by the formats that print a summary.
struct Summary {
  std::size_t files = 0, words = 0, errors = 0, warnings = 0, info = 0;
};
Summary summarize(const std::vector<CheckedFile>& files);

}  // namespace copydesk
