#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <functional>
#include <string>
#include <unordered_map>

#include "checks/repetition/words.hpp"
#include "support.hpp"

using namespace copydesk;
using repetition::DocumentWords;

namespace {

// The key of each word of the document, in order.
std::vector<std::string> keys_of(std::span<const repetition::Word> words) {
  std::vector<std::string> keys;
  for (const auto& w : words) keys.emplace_back(w.key);
  return keys;
}

}  // namespace

TEST_CASE("DocumentWords gives words with the same key one id, in order of first use", "[repetition]") {
  const Source source("t", "The envoy met the Envoy. Then the envoy’s aide left, and 12 envoys came.", Format::Plain);
  const Document doc(source, nullptr, nullptr);
  const DocumentWords words(doc);
  REQUIRE(keys_of(words.all()) == std::vector<std::string>{"the", "envoy", "met", "the", "envoy", "then", "the",
                                                           "envoy's", "aide", "left", "and", "envoys", "came"});
  const auto all = words.all();
  // Case does not part two words; a possessive or a plural does.
  CHECK(all[0].id == 0);
  CHECK(all[1].id == 1);
  CHECK(all[3].id == all[0].id);
  CHECK(all[4].id == all[1].id);
  CHECK(all[7].id != all[1].id);
  CHECK(all[11].id != all[1].id);
  // Without its possessive ending, "envoy's" is "envoy"; other words are their own base.
  CHECK(all[7].base == all[1].id);
  CHECK(all[1].base == all[1].id);
  CHECK(all[11].base == all[11].id);
  // The hash the kinds used before there were ids, so their tables see the same values.
  for (const auto& w : all) CHECK(words.hash(w.id) == std::hash<std::string>{}(std::string(w.key)));
}

TEST_CASE("DocumentWords gives numbers ids but lists only words, sentence by sentence", "[repetition]") {
  const Source source("t", "Prices rose 12 percent. They rose 12 percent again.", Format::Plain);
  const Document doc(source, nullptr, nullptr);
  const DocumentWords words(doc);
  const auto& tokens = doc.tokens();
  std::vector<std::uint32_t> number_ids;
  for (std::uint32_t k = 0; k < tokens.size(); ++k) {
    if (tokens[k].kind == TokenKind::Number) number_ids.push_back(words.id_of_token(k));
    if (tokens[k].kind == TokenKind::Punct) CHECK(words.id_of_token(k) == DocumentWords::kNoId);
  }
  REQUIRE(number_ids.size() == 2);
  CHECK(number_ids[0] == number_ids[1]);
  CHECK(number_ids[0] != DocumentWords::kNoId);
  REQUIRE(doc.sentences().size() == 2);
  const Sentence& first = doc.sentences()[0];
  const Sentence& second = doc.sentences()[1];
  CHECK(keys_of(words.in(first.first_token, first.last_token)) == std::vector<std::string>{"prices", "rose", "percent"});
  CHECK(keys_of(words.in(second.first_token, second.last_token)) ==
        std::vector<std::string>{"they", "rose", "percent", "again"});
  // "rose percent" in each sentence reads the same; "prices rose" and "they rose" do not.
  const auto all = words.all();
  CHECK(repetition::same_keys(all, 1, 4, 2));
  CHECK_FALSE(repetition::same_keys(all, 0, 3, 2));
}

TEST_CASE("DocumentWords is made once per document for all the kinds that ask", "[repetition]") {
  const Source source("t", "One sentence here.", Format::Plain);
  const Document doc(source, nullptr, nullptr);
  Resources res;
  const DocumentWords& first = DocumentWords::of(doc, res);
  CHECK(&DocumentWords::of(doc, res) == &first);
  CHECK(first.all().size() == 3);
}

TEST_CASE("DocumentWords's table of ids agrees with a map of the keys, over thousands of words", "[repetition]") {
  // Thousands of distinct keys, so that the table's slots collide and wrap, each written
  // in several cases, some non-ASCII, some possessive.
  std::string text;
  for (int i = 0; i < 3000; ++i) {
    const std::string stem = fmt::format("w{}", i * 7919 % 3001);
    text += stem + " Z\u00FCrich" + stem + " " + (i % 3 == 0 ? "\u00C9LAN" : "\u00E9lan") + stem + "\u2019s ";
    if (i % 5 == 0) text += "The THE the " + stem + ". ";
  }
  const Source source("t", text, Format::Plain);
  const Document doc(source, nullptr, nullptr);
  const DocumentWords words(doc);
  std::unordered_map<std::string, std::uint32_t> reference;  // ids in order of first use
  const auto id_of = [&](std::string_view key) {
    return reference.try_emplace(std::string(key), static_cast<std::uint32_t>(reference.size())).first->second;
  };
  std::size_t parted = 0;
  for (std::uint32_t k = 0; k < doc.tokens().size(); ++k) {
    const Token& t = doc.tokens()[k];
    if (t.kind != TokenKind::Word && t.kind != TokenKind::Number) {
      parted += words.id_of_token(k) != DocumentWords::kNoId;
      continue;
    }
    const std::uint32_t id = id_of(t.key);
    parted += words.id_of_token(k) != id || words.hash(id) != std::hash<std::string>{}(t.key);
    if (t.kind == TokenKind::Word) id_of(without_possessive(t.key));
  }
  CHECK(parted == 0);
  CHECK(words.distinct() == reference.size());
  CHECK(words.distinct() > 6000);
  for (const auto& w : words.all()) parted += w.base != reference.at(std::string(without_possessive(w.key)));
  CHECK(parted == 0);
}

TEST_CASE("DocumentWords stays linear when every word adds two ids", "[repetition]") {
  // 2^19 - 1 distinct possessives: each adds its key and its key without "'s", 2^20 - 2
  // ids. A table sized by the tokens alone would be all but full and probe across it.
  std::string text;
  for (int i = 0; i < (1 << 19) - 1; ++i) text += test::distinct_word(i) + "'s ";
  const Source source("t", text, Format::Plain);
  const Document doc(source, nullptr, nullptr);
  const double before = test::thread_cpu_seconds();
  const DocumentWords words(doc);
  const double seconds = test::thread_cpu_seconds() - before;
  INFO("CPU " << seconds << " s");
  CHECK(seconds < 3);  // 0.3 s on the bench machine; 7.7 s when the table filled up
  REQUIRE(words.all().size() == (1u << 19) - 1);
  CHECK(words.distinct() == (1u << 20) - 2);
  CHECK(words.all().back().key == test::distinct_word((1 << 19) - 2) + "'s");
}
