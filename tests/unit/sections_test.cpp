// Long inputs checked in sections: where the cuts fall, and that a file's findings are
// the same whether it is checked whole or in sections, wherever the findings are local.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "engine/engine.hpp"
#include "source/sections.hpp"

using namespace copydesk;

namespace {

std::string repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

std::vector<TextSpan> split(const std::string& text, std::size_t target, std::vector<std::size_t> blocks = {}) {
  Prose prose;
  prose.text = text;
  prose.block_starts = std::move(blocks);
  return split_sections(prose, target);
}

// The sections are consecutive, cover the text, and none is shorter than the target
// but the last.
void check_covering(const std::vector<TextSpan>& sections, std::string_view text, std::size_t target) {
  REQUIRE(!sections.empty());
  std::size_t at = 0;
  for (std::size_t i = 0; i < sections.size(); ++i) {
    CHECK(sections[i].offset == at);
    const std::string_view part = text.substr(sections[i].offset, sections[i].length);
    const auto content = static_cast<std::size_t>(std::count_if(part.begin(), part.end(), [](char c) { return c != ' ' && c != '\n'; }));
    if (i + 1 < sections.size()) CHECK(content >= target);
    at += sections[i].length;
  }
  CHECK(at == text.size());
}

std::vector<Diagnostic> check_in_sections(const std::string& text, std::size_t section_bytes,
                                          std::set<std::string> rules, std::size_t cap = 0) {
  EngineOptions options;
  options.tag = false;
  options.only = std::move(rules);
  options.section_bytes = section_bytes;
  options.findings_per_rule = cap;
  const Engine engine(options);
  const Engine::Worker worker(engine);
  return worker.check(Source("<test>", text)).diagnostics;
}

}  // namespace

TEST_CASE("a text no longer than a section is one section", "[sections]") {
  const auto one = split("A short article.\n\nIts second paragraph.", 1000);
  REQUIRE(one.size() == 1);
  CHECK(one[0].length == 39);
  CHECK(split(repeat("word ", 1000), 0).size() == 1);  // 0: never cut
  CHECK(split("", 100).size() == 1);
}

TEST_CASE("sections end at a paragraph break, else a line, a sentence, a word", "[sections]") {
  const std::string paragraphs = repeat("One sentence of the story here.\nAnd a wrapped line.\n\n", 40);
  auto sections = split(paragraphs, 200);
  check_covering(sections, paragraphs, 200);
  CHECK(sections.size() > 5);
  for (std::size_t i = 1; i < sections.size(); ++i) CHECK(paragraphs.substr(sections[i].offset - 2, 2) == "\n\n");

  const std::string lines = repeat("A line of the story without a blank one after it.\n", 40);
  sections = split(lines, 200);
  check_covering(sections, lines, 200);
  for (std::size_t i = 1; i < sections.size(); ++i) CHECK(lines[sections[i].offset - 1] == '\n');

  const std::string sentences = repeat("The vote passed on Tuesday. ", 40);
  sections = split(sentences, 200);
  check_covering(sections, sentences, 200);
  for (std::size_t i = 1; i < sections.size(); ++i) CHECK(sentences.substr(sections[i].offset - 2, 2) == ". ");

  // Not at a space that punctuation or another space follows: findings may be about it.
  const std::string spaced = repeat(std::string(50, 'a') + " ," + std::string(50, 'b') + "  c", 40);
  sections = split(spaced, 200);
  check_covering(sections, spaced, 200);
  for (std::size_t i = 1; i < sections.size(); ++i) CHECK(spaced.substr(sections[i].offset - 2, 2) != "  ");
  for (std::size_t i = 1; i < sections.size(); ++i) CHECK(spaced[sections[i].offset] != ',');

  // Markup's blocks, where the text has no line breaks (minified HTML): at a block.
  std::string minified;
  std::vector<std::size_t> blocks;
  for (int i = 0; i < 40; ++i) {
    blocks.push_back(minified.size());
    minified += "Mr. Smith said the vote passed on Tuesday ";
  }
  sections = split(minified, 200, blocks);
  check_covering(sections, minified, 200);
  for (std::size_t i = 1; i < sections.size(); ++i)
    CHECK(std::binary_search(blocks.begin(), blocks.end(), sections[i].offset));

  // Blanked markup does not count: 1 MB of it around a short text is one section.
  CHECK(split(std::string(1 << 20, ' ') + "A short article." + std::string(1 << 20, ' '), 1000).size() == 1);

  // No space at all: a character boundary, never inside a character.
  const std::string word = repeat("\u00e9", 1000);
  sections = split(word, 201);
  check_covering(sections, word, 201);
  for (std::size_t i = 1; i < sections.size(); ++i) CHECK((static_cast<unsigned char>(word[sections[i].offset]) & 0xC0) != 0x80);
}

TEST_CASE("the part of the prose in a section is at offsets from its start", "[sections]") {
  Prose prose;
  prose.text = "First part.\n\nSecond part.";
  prose.block_starts = {0, 13};
  prose.references = {{2, 1}, {15, 1}};
  Suppression s;
  s.offset = 14;
  s.length = 3;
  s.rules.push_back({"spelling.unknown-word", 15, 2});
  prose.suppressions = {s};
  const Prose part = prose_section(prose, {13, 12});
  CHECK(part.text == "Second part.");
  CHECK(part.block_starts == std::vector<std::size_t>{0});
  REQUIRE(part.references.size() == 1);
  CHECK(part.references[0].offset == 2);
  REQUIRE(part.suppressions.size() == 1);
  CHECK(part.suppressions[0].offset == 1);
  CHECK(part.suppressions[0].rules[0].offset == 2);
}

TEST_CASE("a file checked in sections has the findings it has checked whole", "[sections]") {
  const std::set<std::string> rules{"repetition.doubled-word", "punctuation.double-space", "punctuation.space-before-punctuation"};
  std::string text;
  for (int i = 0; i < 30; ++i)
    text += "Paragraph " + std::to_string(i) + " says the the council met  on Monday , and voted.\n\n";
  const auto whole = check_in_sections(text, 0, rules);
  const auto pieces = check_in_sections(text, 300, rules);
  REQUIRE(whole.size() == 90);
  REQUIRE(pieces.size() == whole.size());
  for (std::size_t i = 0; i < whole.size(); ++i) {
    CHECK(pieces[i].offset == whole[i].offset);
    CHECK(pieces[i].length == whole[i].length);
    CHECK(pieces[i].rule == whole[i].rule);
  }
}

TEST_CASE("over sections, a rule's cap counts all its findings and a suppression covers later sections", "[sections]") {
  std::string text = "copydesk-disable punctuation.double-space\n\n";
  for (int i = 0; i < 30; ++i) text += "The the council met  on Monday.\n\n";
  const auto found = check_in_sections(text, 200, {"repetition.doubled-word", "punctuation.double-space"}, 5);
  REQUIRE(found.size() == 6);  // five doubled words, one summary, no double space
  for (const Diagnostic& d : found) CHECK(d.rule == "repetition.doubled-word");
  CHECK(found.back().message.find("25 more findings") != std::string::npos);
}

TEST_CASE("a finding a suppression silences counts toward no rule's cap", "[sections][bounds]") {
  std::string text = "copydesk-disable repetition.doubled-word\n\n";
  for (int i = 0; i < 100; ++i) text += "The the council met.\n\n";
  text += "copydesk-enable repetition.doubled-word\n\n";
  for (int i = 0; i < 50; ++i) text += "The the mayor spoke.\n\n";
  for (std::size_t section_bytes : {std::size_t{0}, std::size_t{500}}) {
    const auto found = check_in_sections(text, section_bytes, {"repetition.doubled-word"}, 10);
    // The first ten after the enable comment, and a count of the other 40: the hundred
    // silenced take no place among the ten.
    REQUIRE(found.size() == 11);
    CHECK(found.front().offset > text.find("copydesk-enable"));
    CHECK(found.back().message.find("40 more findings") != std::string::npos);
  }
}

TEST_CASE("what is said of the whole file is said once, not per section", "[sections]") {
  // A Latin-1 file: one finding naming the problem, in the first section only.
  std::string latin1;
  for (int i = 0; i < 40; ++i) latin1 += "The caf\xe9 on the corner opened on Monday.\n\n";
  const auto found = check_in_sections(latin1, 200, {"artifacts.invalid-utf8"});
  REQUIRE(found.size() == 1);
  CHECK(found[0].message.find("40 byte sequences are invalid") != std::string::npos);
  CHECK(found[0].offset == latin1.find('\xe9'));
}
