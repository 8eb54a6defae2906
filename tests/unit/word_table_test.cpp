#include <algorithm>
#include <catch2/catch.hpp>
#include <random>
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

TEST_CASE("WordTable::find agrees with a sorted search across its eight-byte steps", "[word_table]") {
  // Words of 1 to 80 bytes (the longest are compared a byte at a time), sharing long
  // prefixes, of ASCII and bytes past it; the last words of the blob are too near its end
  // for eight-byte reads.
  std::mt19937 random(11);
  const std::string alphabet = std::string("aAbz.'-") + "\xC3\xA9\xFF";
  std::vector<std::string> owned;
  for (int i = 0; i < 3000; ++i) {
    std::string w = i % 3 == 0 ? "abcdefghijklmnop" : "";
    const std::size_t length = 1 + random() % (i % 50 == 0 ? 80 : 20);
    for (std::size_t k = 0; k < length; ++k) w += alphabet[random() % alphabet.size()];
    owned.push_back(w);
  }
  std::sort(owned.begin(), owned.end());
  owned.erase(std::unique(owned.begin(), owned.end()), owned.end());
  // Every other word goes into the table; the rest, and each stored word cut or
  // lengthened by one byte, are probes that mostly miss.
  std::vector<std::string_view> words;
  for (std::size_t i = 0; i < owned.size(); i += 2) words.push_back(owned[i]);
  std::string blob;
  std::vector<std::uint32_t> offsets;
  WordTable::append(words, blob, offsets);
  const WordTable table(blob, offsets);
  std::vector<std::string> probes(owned.begin(), owned.end());
  for (std::string_view w : words) {
    probes.emplace_back(w.substr(0, w.size() - 1));
    probes.push_back(std::string(w) + "a");
    probes.push_back(std::string(w) + "\xC3");
  }
  std::size_t missed = 0;
  for (const std::string& probe : probes) {
    INFO(probe);
    const std::int64_t expected = index_in(words, probe);
    REQUIRE(table.find(probe) == expected);
    missed += expected < 0;
  }
  CHECK(missed > probes.size() / 2);
  for (std::size_t i = 0; i < words.size(); ++i) REQUIRE(table.find(words[i]) == static_cast<std::int64_t>(i));
}

TEST_CASE("WordTable::find finds nothing in an empty table", "[word_table]") {
  const WordTable table;
  CHECK(table.find("word") == -1);
  CHECK(table.find("") == -1);
}
