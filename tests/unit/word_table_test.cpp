// WordTable compares a word with the table's byte by byte where they lie: it must order
// and find words as a sorted list of strings does, bytes of UTF-8 above 127 included.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "base/word_table.hpp"

using copydesk::WordTable;

TEST_CASE("WordTable finds each of its words and nothing else, ASCII or not", "[word-table]") {
  // Sorted as std::string sorts them: by unsigned bytes, so "zürich" (0xC3) after "zurich"
  // and every lower-case word after the capitalized ones.
  std::vector<std::string> words{"Zurich", "a",     "an",     "and",    "ant",    "café",  "cafe",
                                 "cafes",  "zebra", "zurich", "zürich", "zürichs", "éclair", "über"};
  std::sort(words.begin(), words.end());
  const std::vector<std::string_view> views(words.begin(), words.end());
  std::string blob;
  std::vector<std::uint32_t> offsets;
  WordTable::append(views, blob, offsets);
  const WordTable table(blob, offsets);
  REQUIRE(table.consistent());
  for (std::size_t i = 0; i < words.size(); ++i) {
    INFO(words[i]);
    CHECK(table.find(words[i]) == static_cast<std::int64_t>(i));
    CHECK(table.word(static_cast<std::uint32_t>(i)) == words[i]);
  }
  // Prefixes, extensions, other cases and other accents of its words are not its words.
  for (const char* absent : {"", "A", "Cafe", "caf", "cafés", "cafex", "zuric", "zürichx", "zuerich", "ueber", "éclairs",
                             "\xC3", "zz", "\xFF"}) {
    INFO(absent);
    CHECK(table.find(absent) == -1);
  }
  // A NUL inside a word would end the table's word early: found nowhere.
  CHECK(table.find(std::string_view("an\0d", 4)) == -1);
  CHECK(table.find(std::string_view("an\0", 3)) == -1);
}
