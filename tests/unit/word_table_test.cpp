// WordTable compares a word with the table's byte by byte where they lie: it must order
// and find words as a sorted list of strings does, bytes of UTF-8 above 127 included.
#include <catch2/catch.hpp>

#include <algorithm>
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

TEST_CASE("WordTable::find agrees with a sorted search on thousands of words", "[word-table]") {
  // Words of 1 to 80 bytes sharing long prefixes, of ASCII and bytes past it, found and
  // missed by a byte.
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

TEST_CASE("WordTable::find finds nothing in an empty table", "[word-table]") {
  const WordTable table;
  CHECK(table.find("word") == -1);
  CHECK(table.find("") == -1);
}
