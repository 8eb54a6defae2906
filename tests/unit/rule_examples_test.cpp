// Every shipped rule is held to the examples it carries in its YAML.
#include <catch2/catch.hpp>

#include <algorithm>

#include "engine/rule_examples.hpp"

using namespace copydesk;

TEST_CASE("every shipped rule flags its firing examples and leaves its silent ones alone", "[rules]") {
  EngineOptions options;
  options.data_dir = COPYDESK_SOURCE_DIR;
  options.enable_all = true;
  const Engine engine(options);
  const Engine::Worker worker(engine);
  for (const Rule& rule : engine.rules()) {
    // Every rule shows a text it flags and a near miss it leaves alone; invalid-utf8 and
    // markup-too-deep are tested in artifacts_test.cpp, as an example (plain text in a
    // YAML file) cannot hold invalid bytes or an HTML file.
    if (rule.id != "artifacts.invalid-utf8" && rule.id != "artifacts.markup-too-deep") {
      INFO(rule.id << " needs a firing and a silent example");
      CHECK(std::any_of(rule.examples.begin(), rule.examples.end(), [](const RuleExample& e) { return e.fires; }));
      CHECK(std::any_of(rule.examples.begin(), rule.examples.end(), [](const RuleExample& e) { return !e.fires; }));
    }
    for (const std::string& problem : verify_examples(worker, rule)) {
      INFO(problem);
      CHECK(false);
    }
  }
}

TEST_CASE("a rule's examples catch a rule that flags nothing or flags too much", "[rules]") {
  EngineOptions options;
  options.data_dir = COPYDESK_SOURCE_DIR;
  options.only = {"punctuation.double-space"};
  const Engine engine(options);
  const Engine::Worker worker(engine);
  Rule rule = engine.rules().front();
  for (const Rule& r : engine.rules())
    if (r.id == "punctuation.double-space") rule = r;
  rule.examples = {{"The talks ended on [[Wednesday]].", true, "", {}, {}},
                   {"The talks  ended.", false, "", {}, {}},
                   {"The talks[[  ]]ended.", true, "a single space", {}, {}}};
  const auto problems = verify_examples(worker, rule);
  REQUIRE(problems.size() == 3);
  CHECK(problems[0].find("nothing flagged at “Wednesday”") != std::string::npos);
  CHECK(problems[1].find("unexpected finding at “  ”") != std::string::npos);
  CHECK(problems[2].find("“a single space” not suggested") != std::string::npos);
}
