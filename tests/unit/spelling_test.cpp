#include <catch2/catch.hpp>

#include "support.hpp"

using copydesk::test::run_rules;

TEST_CASE("spelling.unknown-word flags a misspelled lower-case word with suggestions", "[spelling]") {
  CHECK_ANNOTATED("The minister [[adressed]]{spelling.unknown-word} reporters on Wednesday.",
                  {"spelling.unknown-word"});
  const auto d = run_rules("The minister adressed reporters.", {"spelling.unknown-word"});
  REQUIRE(d.size() == 1);
  CHECK_THAT(d[0].suggestions, Catch::Matchers::VectorContains(std::string("addressed")));
}

TEST_CASE("spelling.unknown-word stays silent on names, acronyms, numbers and newsroom words", "[spelling]") {
  CHECK_ANNOTATED("Lavrov met Stoltenberg and NATO officials at 10:45 about the hotline.", {"spelling.unknown-word"});
  CHECK_ANNOTATED("See https://example.com/some-pathh or write to desk@exampel.org or @reporterr.",
                  {"spelling.unknown-word"});
  CHECK_ANNOTATED("Russia’s envoy and the States’ officials spoke in the ’90s.", {"spelling.unknown-word"});
}

TEST_CASE("spelling.unknown-word takes words built from known parts as real", "[spelling]") {
  CHECK_ANNOTATED("The interagency roundtable on counterterrorism was impactful and transformative.",
                  {"spelling.unknown-word"});
  CHECK_ANNOTATED("People with pre-existing conditions and eco-tourism operators spoke.", {"spelling.unknown-word"});
  CHECK_ANNOTATED("The drawdown of servicemembers follows the roadmap.", {"spelling.unknown-word"});
}

TEST_CASE("spelling.unknown-word reports a word run into a function word as a missing space", "[spelling]") {
  const auto d = run_rules("They broke the normsthat bind us.", {"spelling.unknown-word"});
  REQUIRE(d.size() == 1);
  CHECK(d[0].suggestions == std::vector<std::string>{"norms that"});
  CHECK(d[0].message.find("run together") != std::string::npos);
}
