// Regression tests for robustness bugs found by fuzzing and sanitizer runs: each pins
// down the input that once crashed, hung or exhausted memory.
#include <catch2/catch.hpp>

#include <string>

#include "document/document.hpp"
#include "source/prose.hpp"

using namespace copydesk;

// gumbo copies the whole stack of open elements into every parse error it records, and
// each unclosed element is an error at the end of the file: 10,000 nested <div>s took
// 6 s and 800 MB (20,000: 45 s and 3 GB). prose.cpp now records no parse errors.
TEST_CASE("html with thousands of unclosed nested tags is read in linear memory", "[regression]") {
  std::string html;
  for (int i = 0; i < 10000; ++i) html += "<div>";
  html += "Hello world.";
  const Source source("deep.html", html, Format::Html);
  const Prose prose = extract_prose(source);
  CHECK(prose.text.substr(prose.text.size() - 12) == "Hello world.");
  const Document doc(source, nullptr, nullptr);
  REQUIRE(doc.sentences().size() == 1);
  CHECK(doc.sentence_text(doc.sentences()[0]) == "Hello world.");
}

// The recursive walk of gumbo's tree overflowed the stack at about 105,000 nested
// elements, and gumbo itself is quadratic in nesting (100,000 nested <div> took 17 s):
// markup nested deeper than any article is read between its tags instead.
TEST_CASE("html nested 200,000 deep is read without gumbo, its text and references intact", "[regression]") {
  std::string html;
  for (int i = 0; i < 200000; ++i) html += "<div>";
  html += "Caf&eacute; owners met.<br>";
  for (int i = 0; i < 200000; ++i) html += "</div>";
  const Source source("deep.html", html, Format::Html);
  const Document doc(source, nullptr, nullptr);
  REQUIRE(doc.sentences().size() == 1);
  CHECK(doc.sentence_text(doc.sentences()[0]).substr(0, 3) == "Caf");
  CHECK(doc.word_count() == 3);
}

TEST_CASE("ordinary html with many void elements and self-closing tags is still parsed with gumbo", "[regression]") {
  std::string html = "<html><body>";
  for (int i = 0; i < 3000; ++i) html += "<p>Line.<br><img src=\"a.png\"/></p>";
  html += "<script>var x = 'not prose';</script></body></html>";
  const Source source("many.html", html, Format::Html);
  const Prose prose = extract_prose(source);
  CHECK(prose.block_starts.size() >= 3000);                        // paragraphs from gumbo's tree
  CHECK(prose.text.find("not prose") == std::string::npos);      // script skipped
}

TEST_CASE("lone carriage returns end lines and paragraphs as line feeds do", "[regression]") {
  const Source source("cr.txt", "The talks ended.\rThe minister spoke.\r\rA new paragraph.\r");
  CHECK(source.line_count() == 5);
  CHECK(source.position(source.bytes().find("minister")).line == 2);
  CHECK(source.line_text(2) == "The minister spoke.");
  const Document doc(source, nullptr, nullptr);
  CHECK(doc.paragraphs().size() == 3);  // each finished line is a paragraph in plain text, as with LF
}
