#include <catch2/catch.hpp>

#include "support.hpp"

using copydesk::test::run_rules;

TEST_CASE("style.inconsistent-variant flags the less used spelling", "[style]") {
  CHECK_ANNOTATED("U.S. officials met on Monday. The U.S. side spoke. The [[US]]{style.inconsistent-variant} delegation left.",
                  {"style.inconsistent-variant"});
  CHECK_ANNOTATED("Send an e-mail or an [[email]]{style.inconsistent-variant}, she said in her e-mail.",
                  {"style.inconsistent-variant"});
  const auto d = run_rules("The US team and the U.S. team.", {"style.inconsistent-variant"});
  REQUIRE(d.size() == 1);  // a tie: the first form used wins
  CHECK(d[0].suggestions == std::vector<std::string>{"US"});
  CHECK(d[0].related.size() == 1);
}

TEST_CASE("style.inconsistent-variant stays silent on one form and on look-alikes", "[style]") {
  CHECK_ANNOTATED("U.S. officials met. The U.S. side spoke.", {"style.inconsistent-variant"});
  CHECK_ANNOTATED("The US told us that US forces would stay.", {"style.inconsistent-variant"});
  CHECK_ANNOTATED("U.S. officials met the USDA and a USA Today reporter.", {"style.inconsistent-variant"});
  CHECK_ANNOTATED("He came to us; the UN met; the U.S. said so.", {"style.inconsistent-variant"});
  // Any letter or digit touching a spelling makes another word, accented or not.
  CHECK_ANNOTATED("U.S. officials met. The U.S. side met the ÉUS, USé and US2 groups.", {"style.inconsistent-variant"});
}

TEST_CASE("style.inconsistent-variant counts a spelling only where it stands as a whole word", "[style]") {
  // In "U.S.U.S." the first "U.S." runs into a letter: only the second counts, so US,
  // used twice, is the form kept.
  CHECK_ANNOTATED("The U.S.[[U.S.]]{style.inconsistent-variant} deal. The US side. The US team.",
                  {"style.inconsistent-variant"});
}
