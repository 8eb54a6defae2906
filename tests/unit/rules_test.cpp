// The shipped rules as a whole: every kind is used and named like its rule and its file,
// and the README's table of rules lists exactly the rules `copydesk rules` prints.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "engine/engine.hpp"

using namespace copydesk;

namespace {

const Engine& shipped() {
  static const Engine engine{[] {
    EngineOptions options;
    options.tag = false;
    return options;
  }()};
  return engine;
}

}  // namespace

TEST_CASE("every registered check kind is used by a shipped rule", "[rules]") {
  std::set<std::string> used;
  for (const Rule& r : shipped().rules()) used.insert(r.kind);
  for (const std::string& kind : CheckRegistry::instance().kinds()) {
    INFO("kind " << kind);
    CHECK(used.count(kind) == 1);
  }
}

TEST_CASE("a kind, its file and its rule share one name, so a rule id greps to its code", "[rules]") {
  const std::filesystem::path checks = std::filesystem::path(COPYDESK_SOURCE_DIR) / "lint" / "checks";
  for (const std::string& kind : CheckRegistry::instance().kinds()) {
    INFO("kind " << kind);
    std::string file = kind;
    std::replace(file.begin(), file.end(), '-', '_');
    file += ".cpp";
    if (kind == "existence" || kind == "consistency") {  // data-driven: many rules, one per pack entry
      CHECK(std::filesystem::exists(checks / "generic" / file));
      continue;
    }
    const auto& rules = shipped().rules();
    const auto named = std::find_if(rules.begin(), rules.end(), [&](const Rule& r) {
      return r.kind == kind && r.id == r.category + "." + kind;
    });
    REQUIRE(named != rules.end());
    CHECK(std::filesystem::exists(checks / named->category / file));
  }
}

TEST_CASE("a kind's earlier name still loads a rule pack", "[rules]") {
  CHECK(CheckRegistry::instance().find("spelling") == CheckRegistry::instance().find("unknown-word"));
  CHECK(CheckRegistry::instance().find("inconsistent-name") == CheckRegistry::instance().find("inconsistent-spelling"));
  CHECK(CheckRegistry::instance().find("unknown-name-variant") == CheckRegistry::instance().find("unknown-variant"));
  CHECK(CheckRegistry::instance().find("english-variety") == CheckRegistry::instance().find("mixed-variety"));
  CHECK(CheckRegistry::instance().find("unknown-word") != nullptr);
}

TEST_CASE("the README's table of rules lists exactly the shipped rules", "[rules]") {
  std::ifstream in(std::string(COPYDESK_SOURCE_DIR) + "/README.md");
  REQUIRE(in);
  std::stringstream text;
  text << in.rdbuf();
  const std::string readme = text.str();
  const auto begin = readme.find("## What it checks");
  REQUIRE(begin != std::string::npos);
  const std::string section = readme.substr(begin, readme.find("\n## ", begin + 1) - begin);

  // A row is "| category | `name` …; `name` … |": a rule is a backticked name at the
  // start of the cell or after ", " or "; ".
  std::set<std::string> documented;
  const std::regex row(R"(^\| ([a-z]+) \| (.*) \|$)");
  const std::regex name(R"((?:^|[,;] )`([a-z0-9-]+)`)");
  std::istringstream lines(section);
  for (std::string line; std::getline(lines, line);) {
    std::smatch m;
    if (!std::regex_match(line, m, row) || m[1] == "category") continue;
    const std::string category = m[1], cell = m[2];
    for (auto it = std::sregex_iterator(cell.begin(), cell.end(), name); it != std::sregex_iterator(); ++it)
      documented.insert(category + "." + (*it)[1].str());
  }
  std::set<std::string> shipped_ids;
  for (const Rule& r : shipped().rules()) shipped_ids.insert(r.id);
  for (const auto& id : shipped_ids) {
    INFO("rule " << id << " is not in the README's table");
    CHECK(documented.count(id) == 1);
  }
  for (const auto& id : documented) {
    INFO("the README's table lists " << id << ", which is not a shipped rule");
    CHECK(shipped_ids.count(id) == 1);
  }
}
