#include <catch2/catch.hpp>

#include "support.hpp"

using copydesk::test::run_rules;

namespace {
const std::set<std::string> kInvalid{"artifacts.invalid-utf8"};
const std::set<std::string> kReplacement{"artifacts.replacement-character"};
const std::set<std::string> kMojibake{"artifacts.mojibake"};
const std::set<std::string> kInvisible{"artifacts.invisible-character"};
const std::set<std::string> kMixed{"artifacts.mixed-script"};
const std::set<std::string> kHtml{"artifacts.html-markup"};
const std::set<std::string> kMeta{"artifacts.feed-metadata"};
}  // namespace

TEST_CASE("artifacts.invalid-utf8 reports each bad byte range and checks the rest", "[artifacts]") {
  const std::string text = "Caf\xE9 owners met. The m\xC3 ayor said [[teh]] thing.";
  const auto d = run_rules(text, kInvalid);
  REQUIRE(d.size() == 2);
  CHECK(d[0].offset == 3);
  CHECK(d[0].length == 1);
  CHECK(d[1].offset == text.find('\xC3'));
  CHECK(run_rules("Café owners met the mayor.", kInvalid).empty());
}

TEST_CASE("artifacts.invalid-utf8 reports a file saved in a legacy encoding once, naming the encoding",
          "[artifacts]") {
  // French in ISO-8859-1: every accented letter is one invalid byte.
  std::string text;
  for (int i = 0; i < 20; ++i) text += "Le caf\xE9 de Zo\xEB \xE0 Gen\xE8ve \xE9tait ferm\xE9 ce matin-l\xE0.\n";
  const auto d = run_rules(text, kInvalid);
  REQUIRE(d.size() == 1);
  CHECK(d[0].offset == 6);
  CHECK(d[0].message.find("This file is not UTF-8: 140 byte sequences are invalid; it looks like ISO-8859-1") !=
        std::string::npos);
  CHECK(d[0].related.size() == 5);
}

TEST_CASE("artifacts.replacement-character flags U+FFFD", "[artifacts]") {
  CHECK_ANNOTATED("The mayor of Bogot[[\uFFFD]]{artifacts.replacement-character} spoke.", kReplacement);
  CHECK_ANNOTATED("The mayor of Bogotá spoke.", kReplacement);
}

TEST_CASE("artifacts.mojibake flags UTF-8 read as Windows-1252 and suggests the fix", "[artifacts]") {
  CHECK_ANNOTATED("The country[[â€™]]{artifacts.mojibake}s economy grew, said [[Ã©]]{artifacts.mojibake}lise.",
                  kMojibake);
  CHECK_ANNOTATED("He said [[â€œ]]{artifacts.mojibake}yes[[â€\u009D]]{artifacts.mojibake} at 10[[Â ]]{artifacts.mojibake}a.m.",
                  kMojibake);
  const auto d = run_rules("The country’s café â€” it grew.", kMojibake);
  REQUIRE(d.size() == 1);
  CHECK(d[0].suggestions == std::vector<std::string>{"\u2014"});
}

TEST_CASE("artifacts.mojibake stays silent on real accented text", "[artifacts]") {
  CHECK_ANNOTATED("São Paulo, Zürich, Ångström, ESPAÑA, Ölüdeniz and the café”… all fine; “Ça va”, née Müller.",
                  kMojibake);
}

TEST_CASE("artifacts.invisible-character flags hidden characters inside words", "[artifacts]") {
  CHECK_ANNOTATED("The Krem[[\u200B]]{artifacts.invisible-character}lin and NA[[\u00AD]]{artifacts.invisible-character}TO "
                  "and Lav[[\u200D]]{artifacts.invisible-character}rov met[[\x07]]{artifacts.invisible-character}.",
                  kInvisible);
}

TEST_CASE("artifacts.invisible-character stays silent on a BOM, joiners in scripts that need them", "[artifacts]") {
  CHECK_ANNOTATED("\uFEFFThe talks ended.\tA tab\u200B and \u0915\u094D\u200D\u0937 and \U0001F468\u200D\U0001F469.",
                  kInvisible);
}

TEST_CASE("artifacts.invisible-character tells a control character alone from one inside mojibake", "[artifacts]") {
  // At the very start, after a multi-byte character, and a C1 control between ASCII
  // letters: hidden characters. A C1 control beside other non-ASCII characters is part of
  // mojibake, which its own rule reports; a soft hyphen at a word's end hides nothing.
  CHECK_ANNOTATED("[[\x01]]{artifacts.invisible-character}Talks in Zürich[[\x1B]]{artifacts.invisible-character} "
                  "ended[[\u0085]]{artifacts.invisible-character}today.",
                  kInvisible);
  CHECK_ANNOTATED("He said \u00E2\u20AC\u009D yes at the caf\u00E9\u00AD on the square.", kInvisible);
}

TEST_CASE("artifacts.mixed-script flags a Cyrillic letter inside a Latin word", "[artifacts]") {
  CHECK_ANNOTATED("The [[N\u0410TO]]{artifacts.mixed-script} summit met [[L\u0430vrov]]{artifacts.mixed-script}.",
                  kMixed);
  const auto d = run_rules("The N\u0410TO summit.", kMixed);
  REQUIRE(d.size() == 1);
  CHECK(d[0].suggestions == std::vector<std::string>{"NATO"});
}

TEST_CASE("artifacts.mixed-script stays silent on single-script words and CJK mixes", "[artifacts]") {
  CHECK_ANNOTATED("Lavrov (Лавров) met Tsipras (Τσίπρας), Pokémon fans and 東京タワー in COVID-19 times.", kMixed);
}

TEST_CASE("artifacts.html-markup flags tags and entities in plain text only", "[artifacts]") {
  CHECK_ANNOTATED("[[<p>]]{artifacts.html-markup}The minister[[&rsquo;]]{artifacts.html-markup}s office "
                  "and AT[[&amp;]]{artifacts.html-markup}T[[&#8217;]]{artifacts.html-markup}s chief met.[[<br/>]]{artifacts.html-markup}",
                  kHtml);
  CHECK_ANNOTATED("AT&T; R&D spending rose as a < b and <Name> wrote Johnson&Johnson; fine.", kHtml);
  CHECK(run_rules("The minister&rsquo;s <em>office</em>.", kHtml, copydesk::Format::Markdown).empty());
  const auto d = run_rules("Q&amp;A", kHtml);
  REQUIRE(d.size() == 1);
  CHECK(d[0].suggestions == std::vector<std::string>{"&"});
}

TEST_CASE("artifacts.feed-metadata flags dates and notes a feed left behind", "[artifacts]") {
  CHECK_ANNOTATED(" [[date 2023-06-14]]{artifacts.feed-metadata} The mayor told reporters on Friday.", kMeta);
  CHECK_ANNOTATED("[[Posted 2021-03-04 10:45]]{artifacts.feed-metadata}\n\nThe mayor spoke.", kMeta);
  CHECK_ANNOTATED("The mayor spoke. [[[Updated 3:10 p.m.]]]{artifacts.feed-metadata}", kMeta);
  CHECK_ANNOTATED("[[Updated: Jan. 27, 2022 10:45 a.m.]]{artifacts.feed-metadata}\n\nThe mayor spoke.", kMeta);
  CHECK_ANNOTATED("[[Last modified January 27, 2022]]{artifacts.feed-metadata}\n\nThe mayor spoke.", kMeta);
  CHECK_ANNOTATED("It was filed at [[2021-03-04T10:45:00Z]]{artifacts.feed-metadata} by the desk.", kMeta);
}

TEST_CASE("artifacts.feed-metadata stays silent on dates in news sentences", "[artifacts]") {
  CHECK_ANNOTATED("The guidance was updated on Jan. 27, 2022, and last modified in 1996. "
                  "The map was updated on Friday with new routes (updated figures are below).\n\n"
                  "Updated guidance is out. Posted troops left on March 4, 2021.",
                  kMeta);
}

TEST_CASE("artifacts.markup-too-deep says where HTML nests past the limit, and is silent up to it", "[artifacts]") {
  const std::set<std::string> deep{"artifacts.markup-too-deep"};
  std::string open, close;
  for (int i = 0; i < 1000; ++i) open += "<div>", close += "</div>";
  // At the limit (1,000 by default): parsed, nothing said.
  CHECK(run_rules(open + "The end." + close, deep, copydesk::Format::Html).empty());
  // Many elements side by side, and void elements, are no nesting.
  std::string flat;
  for (int i = 0; i < 3000; ++i) flat += "<p>Text.</p><br><img src=a.png>";
  CHECK(run_rules(flat, deep, copydesk::Format::Html).empty());
  // One more level: said once, at the start tag past the limit.
  const std::string text = open + "<span class=x>The end.</span>" + close;
  const auto d = run_rules(text, deep, copydesk::Format::Html);
  REQUIRE(d.size() == 1);
  CHECK(copydesk::test::covered(text, d[0]) == "<span class=x>");
}

TEST_CASE("artifacts.html-markup and feed-metadata count their limits in characters, not bytes", "[artifacts]") {
  // 160 Cyrillic letters are 320 bytes but within a tag's 300 characters of attributes,
  // and 100 of them within an update note's 120.
  std::string cyrillic;
  for (int i = 0; i < 160; ++i) cyrillic += "д";
  const std::string tag = "The photo <img alt=\"" + cyrillic + "\"> ran on Monday.";
  auto d = run_rules(tag, {"artifacts.html-markup"});
  REQUIRE(d.size() == 1);
  CHECK(d[0].offset == tag.find("<img"));
  const std::string note = "Talks resumed. [Updated " + cyrillic.substr(0, 200) + "] The envoys met.";
  d = run_rules(note, {"artifacts.feed-metadata"});
  REQUIRE(d.size() == 1);
  CHECK(d[0].offset == note.find('['));
}

namespace {
// What each finding of `rules` in text covers, in order.
std::vector<std::string> covered_by(const std::string& text, const std::set<std::string>& rules) {
  std::vector<std::string> spans;
  for (const auto& d : run_rules(text, rules)) spans.push_back(copydesk::test::covered(text, d));
  return spans;
}
}  // namespace

TEST_CASE("artifacts.feed-metadata keeps its length limits, and looks inside a note too long", "[artifacts]") {
  using V = std::vector<std::string>;
  const std::string note120 = " " + std::string(119, 'x'), note121 = note120 + "x";
  // An update note of up to 120 characters, in brackets or in parentheses opening a line.
  CHECK(covered_by("Talks resumed. [Updated" + note120 + "] The envoys met.", kMeta) == V{"[Updated" + note120 + "]"});
  CHECK(covered_by("Talks resumed. [Updated" + note121 + "] The envoys met.", kMeta).empty());
  CHECK(covered_by("(UPDATED" + note120 + ")\nThe envoys met.", kMeta) == V{"(UPDATED" + note120 + ")"});
  CHECK(covered_by("(UPDATED" + note121 + ")\nThe envoys met.", kMeta).empty());
  // A bracket too long is no note, but a note or a dated label inside it still is.
  CHECK(covered_by("Talks resumed. [Updated" + note121 + " [Update 3:10 p.m.] and more]", kMeta) ==
        V{"[Update 3:10 p.m.]"});
  CHECK(covered_by("Talks resumed. [Updated" + note121 + " posted 2021-03-04]", kMeta) == V{"posted 2021-03-04"});
  // Inside it, "Updated Jan. 27, 2022" does not open a line, so it is prose.
  CHECK(covered_by("Talks resumed. [Updated Jan. 27, 2022" + note121 + "]\nThe envoys met.", kMeta).empty());
  // A line's label, a colon and up to 30 characters before the date.
  const std::string gap30 = " " + std::string(28, 'x') + " ";
  CHECK(covered_by("Posted:" + gap30 + "27/01/2022\nThe envoys met.", kMeta) == V{"Posted:" + gap30 + "27/01/2022"});
  CHECK(covered_by("Posted:" + gap30 + "x27/01/2022\nThe envoys met.", kMeta).empty());
}

TEST_CASE("artifacts.html-markup keeps its limit of 300 characters of attributes", "[artifacts]") {
  using V = std::vector<std::string>;
  const std::string attributes300 = "alt=\"" + std::string(294, 'x') + "\"";
  CHECK(covered_by("The <img " + attributes300 + "> ran.", kHtml) == V{"<img " + attributes300 + ">"});
  CHECK(covered_by("The <img " + attributes300 + "x> ran.", kHtml).empty());
  // Blanks and "/" before the ">" are not attributes.
  CHECK(covered_by("The <img " + attributes300 + "  \n />", kHtml) == V{"<img " + attributes300 + "  \n />"});
  // An entity inside a tag is part of the tag; inside a tag too long it is found alone.
  CHECK(covered_by("See <a href=\"q?a=1&amp;b=2\">it</a>, &xx;&amp; more.", kHtml) ==
        V{"<a href=\"q?a=1&amp;b=2\">", "</a>", "&amp;"});
  CHECK(covered_by("The <img alt=\"AT&amp;T" + std::string(300, 'x') + "\"> ran.", kHtml) == V{"&amp;"});
}

TEST_CASE("artifacts.feed-metadata finds notes on any line, and after a note on the same line", "[artifacts]") {
  using V = std::vector<std::string>;
  // Lines with a score, "updated" in prose or a label mid-sentence hold no note.
  const std::string prose = "The Mets won 5-4 on Friday, and the updated timetable ran.\nIt was posted: late.\n";
  CHECK(covered_by(prose, kMeta).empty());
  // The search after a note starts afresh where it ended, as at the start of a line.
  CHECK(covered_by(prose + "Posted 2021-03-04 10:45 Updated: Jan. 27, 2022\n  Date: 3/4/2021\n", kMeta) ==
        V{"Posted 2021-03-04 10:45", "Updated: Jan. 27, 2022", "Date: 3/4/2021"});
}

TEST_CASE("artifacts.mixed-script checks a spelling once and reports each place it recurs", "[artifacts]") {
  // Each spelling is asked of ICU once a document: a repeated mixed word is still reported
  // every time, a repeated clean one never, and another case is another spelling.
  CHECK_ANNOTATED("[[L\u0430vrov]]{artifacts.mixed-script} met Z\u00FCrich officials. Later "
                  "[[L\u0430vrov]]{artifacts.mixed-script} left Z\u00FCrich, and [[L\u0410VROV]]{artifacts.mixed-script} "
                  "said Lavrov and Z\u00DCRICH agreed.",
                  kMixed);
}
