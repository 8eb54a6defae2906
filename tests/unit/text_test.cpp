// The text helpers every check folds words with.
#include <catch2/catch.hpp>

#include "base/text.hpp"

using copydesk::fold_word;
using copydesk::straighten_apostrophes;

TEST_CASE("straighten_apostrophes makes every curly apostrophe straight and leaves the rest", "[text]") {
  CHECK(straighten_apostrophes("") == "");
  CHECK(straighten_apostrophes("Blinken") == "Blinken");
  CHECK(straighten_apostrophes("Blinken’s") == "Blinken's");
  CHECK(straighten_apostrophes("’90s rock ’n’ roll’") == "'90s rock 'n' roll'");
  // Opening single marks, other curly marks and letters of more than one byte stay.
  CHECK(straighten_apostrophes("‘Zürich’ “now”") == "‘Zürich' “now”");
  CHECK(straighten_apostrophes("it's") == "it's");
}

TEST_CASE("fold_word folds case and apostrophes alike", "[text]") {
  CHECK(fold_word("Blinken’s") == fold_word("BLINKEN'S"));
  CHECK(fold_word("Zürich’s") == "zürich's");
  // ASCII words take the short way, and come out as the long way folds them.
  CHECK(fold_word("DON'T") == "don't");
  CHECK(fold_word("McDonald's-90s") == "mcdonald's-90s");
  CHECK(fold_word("DON’T") == fold_word("DON'T"));
}
