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
