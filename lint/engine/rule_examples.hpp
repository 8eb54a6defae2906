// Runs the examples a rule carries in its YAML (RuleExample): what `copydesk test-rules`
// and the test suite use to hold every rule, shipped or a newsroom's, to its own cases.
#pragma once
#include <string>
#include <vector>

#include "engine/engine.hpp"

namespace copydesk {

// One line per example the rule gets wrong: a missing finding, a finding outside the
// marked span or in a silent text, a missing suggestion. The worker's engine must run
// the rule (EngineOptions::enable_all for rules that are off by default).
std::vector<std::string> verify_examples(const Engine::Worker& worker, const Rule& rule);

}  // namespace copydesk
