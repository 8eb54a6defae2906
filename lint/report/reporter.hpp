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
// What the reporters read of the rules, built once per linter rather than for every
// report: the rules themselves, and SARIF's catalogue of them (tool.driver.rules).
struct RuleCatalogue {
  const std::vector<Rule>* rules = nullptr;  // every rule loaded, the engine's
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  std::map<std::string, std::size_t> index;  // rule id → place in list
};
RuleCatalogue rule_catalogue(const std::vector<Rule>& rules);
void report_sarif(std::ostream& out, const std::vector<Result>& files, const RuleCatalogue& rules);
void report_github(std::ostream& out, const std::vector<Result>& files, const RenderOptions& options);
void report_rdjson(std::ostream& out, const std::vector<Result>& files, const std::vector<Rule>& rules);
void report_rdjsonl(std::ostream& out, const std::vector<Result>& files, const std::vector<Rule>& rules);
void report_checkstyle(std::ostream& out, const std::vector<Result>& files);
void report_junit(std::ostream& out, const std::vector<Result>& files);
void report_gitlab(std::ostream& out, const std::vector<Result>& files);
void report_html(std::ostream& out, const std::vector<Result>& files);

// Text made safe inside HTML elements and quoted attributes: & < > " ' as references.
std::string escape_html(std::string_view text);

// Counts by severity, shared by the formats that print a summary.
struct Summary {
  std::size_t files = 0, words = 0, errors = 0, warnings = 0, info = 0;
};
Summary summarize(const std::vector<Result>& files);

}  // namespace copydesk
