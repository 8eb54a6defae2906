#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "base/word_table.hpp"

using copydesk::WordTable;

namespace {

// The index a plain sorted list gives the word, or -1: what find must agree with.
std::int64_t index_in(const std::vector<std::string_view>& sorted, std::string_view word) {
  const auto it = std::lower_bound(sorted.begin(), sorted.end(), word);
  return it != sorted.end() && *it == word ? it - sorted.begin() : -1;
}

}  // namespace

TEST_CASE("WordTable::find agrees with a search of the sorted words", "[word_table]") {
  // Prefixes of one another, capitals before small letters, and bytes past ASCII, which
  // sort after every ASCII byte.
  std::vector<std::string_view> words = {"A",     "Apple", "Zürich", "a",    "ab",   "abc",  "abd",
                                         "apple", "apples", "zurich", "zürich", "é",   "éclair", "\xC3"};
  std::sort(words.begin(), words.end());
  std::string blob;
  std::vector<std::uint32_t> offsets;
  WordTable::append(words, blob, offsets);
  const WordTable table(blob, offsets);
  REQUIRE(table.consistent());
  std::vector<std::string_view> probes = words;
  for (std::string_view miss : {"", "0", "Ab", "aa", "abcd", "appl", "applesauce", "zz", "zürichs", "\xC3\xA8",
                                "\xFF", "Zurich"})
    probes.push_back(miss);
  for (std::string_view probe : probes) {
    INFO(probe);
    CHECK(table.find(probe) == index_in(words, probe));
  }
  CHECK(table.find("apple") >= 0);
  CHECK(table.word(static_cast<std::uint32_t>(table.find("zürich"))) == "zürich");
  CHECK_FALSE(table.contains("Zurich"));
  // A NUL inside the word would otherwise match a stored word's end.
  CHECK(table.find(std::string_view("ab\0c", 4)) == -1);
  CHECK(table.find(std::string_view("ab\0", 3)) == -1);
}

TEST_CASE("WordTable::find finds nothing in an empty table", "[word_table]") {
  const WordTable table;
  CHECK(table.find("word") == -1);
  CHECK(table.find("") == -1);
}
