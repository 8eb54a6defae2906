// Reporters: each output format renders the one diagnostic model.
#pragma once
#include <map>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "copydesk/copydesk.hpp"
#include "config/rule.hpp"
#include "source/source.hpp"

namespace copydesk {

void report_text(std::ostream& out, const std::vector<Result>& files, const RenderOptions& options);
void report_json(std::ostream& out, const std::vector<Result>& files);
// SARIF's catalogue of the rules (tool.driver.rules), built once per linter rather than
// for every report.
struct SarifRules {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  std::map<std::string, std::size_t> index;  // rule id → place in list
};
SarifRules sarif_rules(const std::vector<Rule>& rules);
void report_sarif(std::ostream& out, const std::vector<Result>& files, const SarifRules& rules);
void report_github(std::ostream& out, const std::vector<Result>& files);

// Counts by severity, shared by the formats that print a summary.
struct Summary {
  std::size_t files = 0, words = 0, errors = 0, warnings = 0, info = 0;
};
Summary summarize(const std::vector<Result>& files);

}  // namespace copydesk
