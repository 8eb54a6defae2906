// The shipped rules as a whole: every kind is used and named like its rule and its file,
// and each rule file holds one category.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <set>
#include <yaml-cpp/yaml.h>

#include "engine/engine.hpp"
#include "support.hpp"

using namespace copydesk;

using test::shipped;

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

TEST_CASE("each rule file holds one category and is named after it", "[rules]") {
  // rules/<category>.yaml or rules/<category>-<what>.yaml: a rule id greps to its file.
  const std::filesystem::path folder = std::filesystem::path(COPYDESK_SOURCE_DIR) / "rules";
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (entry.path().extension() != ".yaml") continue;
    ++files;
    const std::string stem = entry.path().stem().string();
    for (const YAML::Node& rule : YAML::LoadFile(entry.path().string())["rules"]) {
      const std::string id = rule["id"].as<std::string>();
      const std::string category = id.substr(0, id.find('.'));
      INFO(entry.path().filename().string() << " holds " << id);
      CHECK((stem == category || stem.rfind(category + "-", 0) == 0));
    }
  }
  CHECK(files > 0);
}


TEST_CASE("what several kinds read alike is made once per engine and shared", "[rules]") {
  const LoadContext context;
  int made = 0;
  const auto make = [&] {
    ++made;
    return std::string("the list");
  };
  const auto first = context.shared_made<std::string>("a list", make);
  const auto again = context.shared_made<std::string>("a list", make);
  CHECK(first == again);
  CHECK(made == 1);
  // Another key is another thing.
  CHECK(context.shared_made<std::string>("another list", make) != first);
  CHECK(made == 2);
}
