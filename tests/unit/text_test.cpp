// The text helpers every check folds words with.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

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

TEST_CASE("fold_word's ASCII path folds as the general path does", "[text]") {
  // ASCII words skip straightening; every word must fold as case folding then straightening.
  for (const std::string_view word : {"", "NATO", "McDonald's", "it's", "x-ray", "G7", "Zürich’s", "ÉCOLE", "Straße",
                                      "rock’n’roll", "İstanbul"})
    CHECK(fold_word(word) == straighten_apostrophes(copydesk::fold_case(word)));
  CHECK(fold_word("McDonald's") == "mcdonald's");
}

TEST_CASE("first_non_ascii finds what a search byte by byte finds, from every offset", "[text]") {
  // Non-ASCII bytes before, inside and after the eight-byte steps, and none at all.
  for (const std::string& text : {std::string("plain ASCII text, longer than eight bytes"), std::string("é"),
                                 std::string("abcdefgé"), std::string("abcdefghé and more"), std::string("Zürich"),
                                 std::string("twenty-four bytes of it\x80"), std::string("")}) {
    for (std::size_t from = 0; from <= text.size(); ++from) {
      std::size_t expected = from;
      while (expected < text.size() && static_cast<unsigned char>(text[expected]) < 0x80) ++expected;
      CHECK(copydesk::first_non_ascii(text, from) == expected);
    }
    CHECK(copydesk::is_ascii(text) == (copydesk::first_non_ascii(text) == text.size()));
  }
  CHECK(copydesk::is_ascii("plain ASCII text, longer than eight bytes"));
  CHECK_FALSE(copydesk::is_ascii("abcdefghé and more"));
}

TEST_CASE("edit_distance's one-edit path agrees with the table, on every short string", "[text]") {
  // Every string of up to four letters from a, b, A and é (two bytes), against every other.
  std::vector<std::string> strings{""};
  for (std::size_t from = 0, length = 0; length < 4; ++length) {
    const std::size_t to = strings.size();
    for (std::size_t i = from; i < to; ++i)
      for (const char* letter : {"a", "b", "A", "\u00E9"}) strings.push_back(strings[i] + letter);
    from = to;
  }
  REQUIRE(strings.size() == 341);
  std::size_t parted = 0;
  std::string first_parted;
  for (const std::string& a : strings)
    for (const std::string& b : strings) {
      // A limit of two takes the table; its answer, capped, is what limits 1 and 0 give.
      const std::size_t table = copydesk::edit_distance(a, b, 2);
      if (copydesk::edit_distance(a, b, 1) != std::min<std::size_t>(table, 2) ||
          copydesk::edit_distance(a, b, 0) != std::min<std::size_t>(table, 1)) {
        if (parted++ == 0) first_parted = a + " / " + b;
      }
    }
  INFO(first_parted);
  CHECK(parted == 0);
  // Each kind of edit, once and twice.
  CHECK(copydesk::edit_distance("united", "untied", 1) == 1);    // swapped
  CHECK(copydesk::edit_distance("minister", "minster", 1) == 1);  // dropped
  CHECK(copydesk::edit_distance("minster", "minister", 1) == 1);  // added
  CHECK(copydesk::edit_distance("colour", "colout", 1) == 1);     // changed
  CHECK(copydesk::edit_distance("colour", "color", 0) == 1);
  CHECK(copydesk::edit_distance("colour", "colour", 0) == 0);
  CHECK(copydesk::edit_distance("united", "unitde", 1) == 1);
  CHECK(copydesk::edit_distance("united", "nuitde", 1) == 2);
  CHECK(copydesk::edit_distance("café", "cafe", 1) == 2);  // é is two bytes
  CHECK(copydesk::edit_distance("colour", "colours", 1) == 1);
  CHECK(copydesk::edit_distance("colour", "coloured", 1) == 2);
}
