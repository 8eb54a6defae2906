#include <catch2/catch.hpp>

#include "document/document.hpp"
#include "source/prose.hpp"

using namespace copydesk;

namespace {

std::vector<std::string> sentences_of(const std::string& text, Format format = Format::Plain) {
  const Source source("t", text, format);
  const Document doc(source, nullptr, nullptr);
  std::vector<std::string> out;
  for (const auto& s : doc.sentences()) out.emplace_back(doc.sentence_text(s));
  return out;
}

}  // namespace

TEST_CASE("sentences do not break after abbreviations and initials", "[document]") {
  CHECK(sentences_of("U.S. officials met Gov. Newsom on Jan. 26 in Sacramento. They left.") ==
        std::vector<std::string>{"U.S. officials met Gov. Newsom on Jan. 26 in Sacramento.", "They left."});
  CHECK(sentences_of("Deputy Foreign Minister Alexander V. Grushko spoke. Then he left.") ==
        std::vector<std::string>{"Deputy Foreign Minister Alexander V. Grushko spoke.", "Then he left."});
  CHECK(sentences_of("He was born in the U.S. He moved.").size() == 2);
  CHECK(sentences_of("The bill passed the U.S. Senate on Tuesday.").size() == 1);
  CHECK(sentences_of("They marched with King Jr. The group sang. He lives on Main St. The mayor came.").size() == 4);
  CHECK(sentences_of("They met at No. 10 Downing St. in London and flew to St. Louis.").size() == 1);
}

TEST_CASE("a closing quotation mark stays with its sentence", "[document]") {
  CHECK(sentences_of("“We are ready. With mutual understanding. ”") ==
        std::vector<std::string>{"“We are ready.", "With mutual understanding. ”"});
}

TEST_CASE("paragraphs split at blank lines and at lines that end a sentence", "[document]") {
  const Source source("t", "Headline here\n\nFirst paragraph. Second sentence.\nNext paragraph.\n", Format::Plain);
  const Document doc(source, nullptr, nullptr);
  REQUIRE(doc.paragraphs().size() == 3);
  CHECK(doc.paragraphs()[0].heading_like);
  CHECK_FALSE(doc.paragraphs()[1].heading_like);
  CHECK(doc.sentences().size() == 4);
}

TEST_CASE("wrapped lines stay one paragraph", "[document]") {
  const Source source("t", "The minister said on Wednesday that the talks would continue\nnext week in Geneva.\n",
                      Format::Plain);
  const Document doc(source, nullptr, nullptr);
  CHECK(doc.paragraphs().size() == 1);
  CHECK(doc.sentences().size() == 1);
}

TEST_CASE("tokens keep byte offsets and classes", "[document]") {
  const std::string text = "Russia’s envoy wrote to desk@example.org, see https://example.com/a-b. Follow @copydesk_news now.";
  const Source source("t", text, Format::Plain);
  const Document doc(source, nullptr, nullptr);
  std::vector<std::pair<std::string, TokenKind>> got;
  for (const auto& t : doc.tokens()) {
    CHECK(text.substr(t.begin, t.size()) == std::string(t.text));
    if (t.kind != TokenKind::Word && t.kind != TokenKind::Punct) got.emplace_back(std::string(t.text), t.kind);
  }
  CHECK(got == std::vector<std::pair<std::string, TokenKind>>{{"desk@example.org", TokenKind::Email},
                                                              {"https://example.com/a-b", TokenKind::Url},
                                                              {"@copydesk_news", TokenKind::Handle}});
  CHECK(doc.tokens()[0].text == "Russia’s");
  CHECK(doc.tokens()[0].letter_case == Case::Capital);
  CHECK(doc.tokens()[0].sentence_initial);
}

TEST_CASE("tokens inside quotation marks are marked", "[document]") {
  const Source source("t", "He said “we are ready” and left.", Format::Plain);
  const Document doc(source, nullptr, nullptr);
  std::string quoted;
  for (const auto& t : doc.tokens())
    if (t.in_quote && t.kind == TokenKind::Word) quoted += std::string(t.text) + " ";
  CHECK(quoted == "we are ready ");
}

namespace {

std::string quoted_words(const Document& doc) {
  std::string quoted;
  for (const auto& t : doc.tokens())
    if (t.in_quote && t.kind == TokenKind::Word) quoted += std::string(t.text) + " ";
  return quoted;
}

std::vector<QuoteRole> roles(const Document& doc) {
  std::vector<QuoteRole> r;
  for (const QuoteMark& m : doc.quote_marks()) r.push_back(m.role);
  return r;
}

}  // namespace

TEST_CASE("one pairing of quotation marks gives the marks' roles and the quoted words", "[document]") {
  SECTION("an apostrophe inside a quotation neither opens nor closes it") {
    const Source source("t", "She said “the States’ plan works” on Monday.", Format::Plain);
    const Document doc(source, nullptr, nullptr);
    CHECK(roles(doc) == std::vector<QuoteRole>{QuoteRole::Opening, QuoteRole::Apostrophe, QuoteRole::Closing});
    CHECK(quoted_words(doc) == "the States plan works ");
  }
  SECTION("a quotation continued into the next paragraph is open, not unclosed") {
    const Source source("t", "He said: “We will stay.\n\n“We will not leave,” he added.", Format::Plain);
    const Document doc(source, nullptr, nullptr);
    CHECK(roles(doc) == std::vector<QuoteRole>{QuoteRole::Opening, QuoteRole::Opening, QuoteRole::Closing});
    CHECK(quoted_words(doc) == "We will stay We will not leave ");
  }
  SECTION("a closing mark with nothing open is stray, and only the mark is quoted") {
    const Source source("t", "The talks ended” on Monday.", Format::Plain);
    const Document doc(source, nullptr, nullptr);
    CHECK(roles(doc) == std::vector<QuoteRole>{QuoteRole::Stray});
    CHECK(quoted_words(doc).empty());
  }
  SECTION("a quotation never closed runs to the end of its paragraph") {
    const Source source("t", "He said “we are ready and left.\n\nThen it rained.", Format::Plain);
    const Document doc(source, nullptr, nullptr);
    CHECK(roles(doc) == std::vector<QuoteRole>{QuoteRole::Unclosed});
    CHECK(quoted_words(doc) == "we are ready and left ");
  }
}

TEST_CASE("Markdown and HTML prose keeps source offsets", "[document]") {
  const std::string md = "# Title\n\nSome **bold** text and `code`.\n";
  const Source md_source("t.md", "# A heading without a blank line after it\nThe first paragraph of the story,\nwrapped.\n", Format::Markdown);
  CHECK(Document(md_source, nullptr, nullptr).paragraphs().size() == 2);
  const Prose prose = extract_prose(Source("t.md", md, Format::Markdown));
  REQUIRE(prose.text.size() == md.size());
  CHECK(prose.text.find("bold") == md.find("bold"));
  CHECK(prose.text.find("code") == std::string::npos);
  CHECK(prose.text.find("**") == std::string::npos);

  const std::string html = "<html><body><p>First para.</p><p>Second <b>para</b>.</p><script>var x;</script></body></html>";
  const Source source("t.html", html, Format::Html);
  const Document doc(source, nullptr, nullptr);
  CHECK(doc.paragraphs().size() == 2);
  CHECK(std::string(doc.text()).find("var") == std::string::npos);
  CHECK(doc.tokens()[0].begin == html.find("First"));
}

TEST_CASE("character references in Markdown and HTML read as the characters they stand for", "[document]") {
  const std::string html = "<p>&ldquo;The caf&eacute; opened,&rdquo; she said &mdash; AT&amp;T agreed.</p>";
  const Source source("t.html", html, Format::Html);
  const Document doc(source, nullptr, nullptr);
  std::vector<std::string> words;
  for (const auto& t : doc.tokens()) words.emplace_back(t.text);
  CHECK(words == std::vector<std::string>{"“", "The", "café", "opened", ",", "”", "she", "said", "—", "AT", "&", "T", "agreed", "."});
  CHECK(doc.tokens()[0].end == html.find("The"));  // the opening mark sits next to its word
  const std::string md = "He said &ldquo;yes&rdquo; at 5&nbsp;p.m.\n";
  const Source md_source("t.md", md, Format::Markdown);
  const Document md_doc(md_source, nullptr, nullptr);
  CHECK(md_doc.tokens()[2].text == "“");
  CHECK(std::string(md_doc.text()).find("ldquo") == std::string::npos);
}

TEST_CASE("a byte-order mark takes no column and starts no token", "[document]") {
  const Source source("t", "\xEF\xBB\xBFThe minister spoke.", Format::Plain);
  CHECK(source.position(3).column == 1);
  CHECK(source.position(7).column == 5);
  CHECK(source.line_text(1) == "The minister spoke.");
  const Document doc(source, nullptr, nullptr);
  CHECK(doc.tokens()[0].text == "The");
  CHECK(doc.tokens()[0].sentence_initial);
}

TEST_CASE("columns stay right on a very long line", "[document]") {
  std::string line;
  for (int i = 0; i < 3000; ++i) line += "é word ";
  const Source source("t", line, Format::Plain);
  const std::size_t at = line.size() - 5;
  CHECK(source.position(at).column == 1 + 3000 * 7 - 5 + 1 - 1);
}

TEST_CASE("invalid UTF-8 keeps offsets and the rest of the text", "[document]") {
  const std::string text = "Bad \xff byte here. Next sentence.";
  const Source source("t", text, Format::Plain);
  REQUIRE(source.invalid_utf8().size() == 1);
  CHECK(source.invalid_utf8()[0].offset == 4);
  const Document doc(source, nullptr, nullptr);
  CHECK(doc.sentences().size() == 2);
  CHECK(source.position(text.find("Next")).column == text.find("Next") + 1);
}

TEST_CASE("tokens of ASCII get the case, marks and key the general functions give", "[document]") {
  // ASCII tokens are described in one pass of their own, the others by letter_case,
  // has_digit_or_dot and fold_word: both must agree with those functions, for every case.
  const Source source("t",
                      "NATO and McDonald's iPhone met Blinken, A. Grushko and ÉCOLE Zürich’s ǅemal in the 90s; "
                      "e.g. bbc.com, U.S. 1,200 x-RAY DON'T Don’t eBay IBM's 3D @handle https://example.com/A "
                      "ÀB Ab aB ab AB a A _ 'T' ABCDEFGH Abcdefgh abcdefghI ABCDEFGHIJKLMNOPq 1234567.9 "
                      "LlanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogochLlanfairpwllgwyngyll "
                      "noon@example.com QUIT I",
                      Format::Plain);
  const Document doc(source, nullptr, nullptr);
  std::size_t ascii = 0, other = 0;
  for (const Token& t : doc.tokens()) {
    INFO(t.text);
    CHECK(t.letter_case == letter_case(t.text));
    CHECK(t.digit_or_dot == has_digit_or_dot(t.text));
    CHECK(t.key == fold_word(t.text));
    ++(is_ascii(t.text) ? ascii : other);
  }
  CHECK(ascii > 30);
  CHECK(other >= 5);
  const auto token = [&](std::string_view text) -> const Token& {
    for (const Token& t : doc.tokens())
      if (t.text == text) return t;
    FAIL("no token " << text);
    return doc.tokens().front();
  };
  CHECK(token("iPhone").letter_case == Case::Mixed);
  CHECK(token("Blinken").letter_case == Case::Capital);
  CHECK(token("IBM's").letter_case == Case::Mixed);
  CHECK(token("NATO").letter_case == Case::Upper);
  CHECK(token("A").letter_case == Case::Capital);
  CHECK(token("ÀB").letter_case == Case::Upper);
  CHECK(token("ab").letter_case == Case::Lower);
  CHECK(token("_").letter_case == Case::None);
  CHECK(token("DON'T").key == "don't");
  CHECK(token("abcdefghI").letter_case == Case::Mixed);
  CHECK(token("ABCDEFGHIJKLMNOPq").letter_case == Case::Mixed);
  CHECK(token("Abcdefgh").letter_case == Case::Capital);
  CHECK(token("ABCDEFGHIJKLMNOPq").key == "abcdefghijklmnopq");
  CHECK(token("1234567.9").digit_or_dot);
  CHECK(token("LlanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogochLlanfairpwllgwyngyll").letter_case ==
        Case::Mixed);  // longer than the one-pass buffer
  CHECK(token("I").letter_case == Case::Capital);  // the last bytes of the text
  CHECK(token("Don’t").key == "don't");
}

TEST_CASE("a token with a digit or a dot is marked once for every check", "[document]") {
  const Source source("t", "In the 90s, e.g. at bbc.com, 3 rock-and-roll fans don't sleep.", Format::Plain);
  const Document doc(source, nullptr, nullptr);
  for (const Token& t : doc.tokens()) {
    INFO(t.text);
    CHECK(t.digit_or_dot == has_digit_or_dot(t.text));
  }
  const auto marked = [&](std::string_view text) {
    for (const Token& t : doc.tokens())
      if (t.text == text) return t.digit_or_dot;
    FAIL("no token " << text);
    return false;
  };
  CHECK(marked("90s"));
  CHECK(marked("bbc.com"));
  CHECK(marked("3"));
  CHECK_FALSE(marked("fans"));
  CHECK_FALSE(marked("don't"));
  CHECK_FALSE(marked("In"));
}

TEST_CASE("a bad byte is found wherever it falls among runs of plain ASCII", "[document]") {
  // The validation skips ASCII eight bytes at a time: a broken sequence at any place
  // around those steps, and at the very end, is still found with its length.
  const std::string ascii(24, 'a');
  for (std::size_t at = 0; at <= ascii.size(); ++at) {
    INFO(at);
    const std::string lone = ascii.substr(0, at) + "\xff" + ascii.substr(at);
    const Source bad("t", lone, Format::Plain);
    REQUIRE(bad.invalid_utf8().size() == 1);
    CHECK(bad.invalid_utf8()[0].offset == at);
    CHECK(bad.invalid_utf8()[0].length == 1);
    // A two-byte sequence cut short: its lead byte alone is the bad range.
    const Source cut("t", ascii.substr(0, at) + "\xc3" + ascii.substr(at), Format::Plain);
    REQUIRE(cut.invalid_utf8().size() == 1);
    CHECK(cut.invalid_utf8()[0].offset == at);
    // The same place holding a valid "é" is no error.
    const Source good("t", ascii.substr(0, at) + "\xc3\xa9" + ascii.substr(at), Format::Plain);
    CHECK(good.invalid_utf8().empty());
  }
}

namespace {

// Checks every character's position in source against counting lines and code points
// from the start of text; returns the number of lines counted.
std::size_t check_positions(const Source& source, const std::string& text) {
  std::size_t line = 1, column = 1;
  for (std::size_t at = 0; at < text.size(); ++at) {
    const auto byte = static_cast<unsigned char>(text[at]);
    if ((byte & 0xC0) == 0x80) continue;
    const auto position = source.position(at);
    REQUIRE(position.line == line);
    REQUIRE(position.column == column);
    if (text[at] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return line;
}

}  // namespace

TEST_CASE("lines and columns stay right across the column index's blocks", "[document]") {
  // Lines of mixed one-, two- and three-byte characters over several 4 KiB blocks: every
  // position agrees with counting lines and code points from the start.
  std::string text;
  for (int i = 0; i < 2000; ++i) text += i % 7 == 0 ? "\n" : i % 3 == 0 ? "é “word” " : "plain ";
  const Source source("t", text, Format::Plain);
  CHECK(source.line_count() == check_positions(source, text));
}

TEST_CASE("columns agree whether counted from the line's start or from the checkpoints", "[document]") {
  // Lines shorter and longer than the checkpoints' 4 KiB spacing, of one- to three-byte
  // characters: a column is counted from the line's start on a short line and from the
  // checkpoints on a long one, and both agree with counting from the start of the text.
  std::string text;
  for (const std::size_t units : {10, 4088, 4089, 4090, 4091, 9000, 3})
    text += std::string("a").append("é“").append(std::string(units, 'x')) + "\n";
  const Source source("t", text, Format::Plain);
  check_positions(source, text);
}

TEST_CASE("a source keeps the bytes as read and a valid text of the same length", "[document]") {
  // Valid UTF-8 with line feeds and CRLF: nothing to repair, both are the bytes read.
  const std::string clean = "The minister spoke.\r\nNext line.\n";
  const Source plain("t", clean, Format::Plain);
  CHECK(plain.bytes() == clean);
  CHECK(plain.valid_text() == clean);
  CHECK(plain.line_text(1) == "The minister spoke.");
  // A bad byte, a byte-order mark and a lone carriage return are repaired in the valid
  // text only; the bytes stay as read.
  for (const std::string& raw : {std::string("Bad \xff byte."), std::string("\xEF\xBB\xBFThe talks."),
                                 std::string("Old Mac\rline two")}) {
    INFO(raw);
    const Source source("t", raw, Format::Plain);
    CHECK(source.bytes() == raw);
    CHECK(source.valid_text().size() == raw.size());
    CHECK(source.valid_text() != raw);
  }
  CHECK(Source("t", "Old Mac\rline two", Format::Plain).line_text(2) == "line two");
}

TEST_CASE("columns count code points", "[document]") {
  const Source source("t", "“Blinken” said\nline two", Format::Plain);
  CHECK(source.position(3).column == 2);  // after the 3-byte opening mark
  CHECK(source.position(std::string("“Blinken” said\n").size()).line == 2);
}
