#include <catch2/catch.hpp>

#include "checks/punctuation/marks.hpp"
#include "support.hpp"

using copydesk::test::run_rules;

namespace {
const std::set<std::string> kQuote{"punctuation.unbalanced-quote"};
const std::set<std::string> kQuoteSpacing{"punctuation.quote-spacing"};
const std::set<std::string> kBracket{"punctuation.unbalanced-bracket"};
const std::set<std::string> kMissing{"punctuation.missing-space"};
const std::set<std::string> kSpaceBefore{"punctuation.space-before-punctuation"};
const std::set<std::string> kDoubled{"punctuation.doubled-punctuation"};
const std::set<std::string> kDoubleSpace{"punctuation.double-space"};
}  // namespace

TEST_CASE("punctuation.unbalanced-quote flags an opening mark never closed", "[punctuation]") {
  CHECK_ANNOTATED("The mayor said, [[“]]{punctuation.unbalanced-quote}We will rebuild the bridge by spring.\n\n"
                  "Work starts in March.",
                  kQuote);
  CHECK_ANNOTATED("Critics called the levy a [[‘]]{punctuation.unbalanced-quote}tax on the poor.\n\n"
                  "“We disagree,” the minister replied.",
                  kQuote);
  CHECK_ANNOTATED("The nurses chanted [[“]]{punctuation.unbalanced-quote}Fair pay now outside the hospital on Monday.",
                  kQuote);
  CHECK_ANNOTATED("She said [[\"]]{punctuation.unbalanced-quote}we will stay and left.", kQuote);
  // A single mark left open when the double quotation around it closes.
  CHECK_ANNOTATED("“He called it [[‘]]{punctuation.unbalanced-quote}madness,” the aide said.", kQuote);
  // Two openings in one paragraph: the first one was never closed.
  CHECK_ANNOTATED("[[“]]{punctuation.unbalanced-quote}We are ready. “We want talks,” he said.", kQuote);
}

TEST_CASE("punctuation.unbalanced-quote flags a closing mark with nothing open", "[punctuation]") {
  CHECK_ANNOTATED("The program helps young people shape the future of America[[”]]{punctuation.unbalanced-quote} "
                  "She praised the students.",
                  kQuote);
}

TEST_CASE("punctuation.unbalanced-quote tells apostrophes from quotation marks", "[punctuation]") {
  CHECK_ANNOTATED("Russia’s envoy met the States’ officials in the ’90s to talk rock ’n’ roll.", kQuote);
  CHECK_ANNOTATED("Russia's envoy met the States' officials in the '90s to talk rock 'n' roll.", kQuote);
  CHECK_ANNOTATED("The so-called ‘experts’ expected more, and the ‘90s were hard.", kQuote);
  CHECK_ANNOTATED("It was a ‘family issue,’ she said of the Jones’ case.", kQuote);
  // Nested singles inside a title that is itself quoted.
  CHECK_ANNOTATED("The rule on “‘Standards; The ‘Omnibus’ Low NOX Regulation; Notice’” was overturned.", kQuote);
}

TEST_CASE("punctuation.unbalanced-quote honours quotations that run over paragraphs", "[punctuation]") {
  CHECK_ANNOTATED("“The vote was close. We respect it.\n\n"
                  "“If the council agrees, the work can start in May,” she said.",
                  kQuote);
  CHECK_ANNOTATED("\"The vote was close.\n\n\"We respect it,\" she said.", kQuote);
  // A statement quoted whole, its inner paragraphs not reopened, closed at its end.
  CHECK_ANNOTATED("“Today the leaders spoke.\n\nThey agreed to meet again.\n\nThey will keep working.”", kQuote);
  // A straight mark after a digit is an inch mark.
  CHECK_ANNOTATED("Crews laid a 12\" pipe under the road.", kQuote);
}

TEST_CASE("punctuation.quote-spacing flags spaces inside the marks", "[punctuation]") {
  CHECK_ANNOTATED("“The vote is final,[[ ”]]{punctuation.quote-spacing}said the speaker.", kQuoteSpacing);
  CHECK_ANNOTATED("“Nobody will be left behind.[[ ”]]{punctuation.quote-spacing}", kQuoteSpacing);
  CHECK_ANNOTATED("She told reporters [[“ ]]{punctuation.quote-spacing}the plan is dead.”", kQuoteSpacing);
  CHECK_ANNOTATED("He said [[“ ]]{punctuation.quote-spacing}We are ready.”", kQuoteSpacing);
  CHECK_ANNOTATED("He called it ‘madness[[ ’]]{punctuation.quote-spacing} in public.", kQuoteSpacing);
  const auto d = run_rules("“It is over, ”the coach said.", kQuoteSpacing);
  REQUIRE(d.size() == 1);
  CHECK(d[0].suggestions == std::vector<std::string>{"” "});
}

TEST_CASE("punctuation.quote-spacing flags a mark glued to the word outside", "[punctuation]") {
  CHECK_ANNOTATED("“We are ready[[”s]]{punctuation.quote-spacing}aid Blinken.", kQuoteSpacing);
  CHECK_ANNOTATED("Blinken sai[[d“]]{punctuation.quote-spacing}We are ready.”", kQuoteSpacing);
}

TEST_CASE("punctuation.quote-spacing stays silent on well-set quotations", "[punctuation]") {
  CHECK_ANNOTATED("“We won,” he said. “Let’s wait for the recount.”", kQuoteSpacing);
  CHECK_ANNOTATED("It said the States’ role and the ’90s mattered (“this is ‘fine’ ”) in all.", kQuoteSpacing);
  CHECK_ANNOTATED("Leaders—“the best we have”—met in Rome and the “Be Best” plan went on.", kQuoteSpacing);
}

TEST_CASE("punctuation.unbalanced-bracket flags brackets without partners", "[punctuation]") {
  CHECK_ANNOTATED("The North Atlantic Treaty Organization [[(]]{punctuation.unbalanced-bracket}NATO said it replied.",
                  kBracket);
  CHECK_ANNOTATED("We release the first digital assets framework[[)]]{punctuation.unbalanced-bracket}– a plan.",
                  kBracket);
  CHECK_ANNOTATED("The group [[(]]{punctuation.unbalanced-bracket}formed in [2020] said so.", kBracket);
}

TEST_CASE("punctuation.unbalanced-bracket stays silent on pairs, labels and URLs", "[punctuation]") {
  CHECK_ANNOTATED("The agency (FEMA) said [in a statement] that it had {already} acted.", kBracket);
  CHECK_ANNOTATED("The plan has two parts: a) housing and b) roads; 1) first, 2) second.", kBracket);
  CHECK_ANNOTATED("See https://en.wikipedia.org/wiki/Treaty_(1990) for details.", kBracket);
}

TEST_CASE("punctuation.missing-space flags glued sentences and lists", "[punctuation]") {
  CHECK_ANNOTATED("It extends relief during the pandemic[[.E]]{punctuation.missing-space}xtending it helps.", kMissing);
  CHECK_ANNOTATED("Officials met in 2021[[.T]]{punctuation.missing-space}hey agreed.", kMissing);
  CHECK_ANNOTATED("Was it ready[[?H]]{punctuation.missing-space}e did not say.", kMissing);
  CHECK_ANNOTATED("Leaders met in Paris[[,L]]{punctuation.missing-space}ondon and Rome.", kMissing);
  const auto d = run_rules("He said.They left.", kMissing);
  REQUIRE(d.size() == 1);
  CHECK(d[0].suggestions == std::vector<std::string>{". T"});
}

TEST_CASE("punctuation.missing-space stays silent on numbers, abbreviations and domains", "[punctuation]") {
  CHECK_ANNOTATED("U.S. officials, e.g. the envoy, saw a 3.5% rise, 1,000 troops and Mr.Smith at 10 a.m.", kMissing);
  CHECK_ANNOTATED("Visit ChildTaxCredit.Gov or whitehouse.gov or www.Example.Com today.", kMissing);
  CHECK_ANNOTATED("Write to press@Example.Org or see https://example.com/a.Page now.", kMissing);
  CHECK_ANNOTATED("The files data/raw/CWEB-{G,S}.{dev,test} and key=a,b are code.", kMissing);
}

TEST_CASE("punctuation.space-before-punctuation flags a space before a mark", "[punctuation]") {
  CHECK_ANNOTATED("Officials met in Brussels[[ ,]]{punctuation.space-before-punctuation} Belgium.", kSpaceBefore);
  CHECK_ANNOTATED("Is it ready[[ ?]]{punctuation.space-before-punctuation}", kSpaceBefore);
  CHECK_ANNOTATED("It ended[[ .]]{punctuation.space-before-punctuation} Then “it began”[[ ;]]{punctuation.space-before-punctuation} so.",
                  kSpaceBefore);
}

TEST_CASE("punctuation.space-before-punctuation moves a comma typed on the wrong side of its space", "[punctuation]") {
  const std::string text = "The city saw a storm in 2019 ,and engineers say it will last.";
  const auto d = copydesk::test::run_rules(text, kSpaceBefore);
  REQUIRE(d.size() == 1);
  CHECK(copydesk::test::covered(text, d[0]) == " ,");
  CHECK(d[0].suggestions == std::vector<std::string>{", "});
}

TEST_CASE("punctuation.space-before-punctuation stays silent on ellipses, decimals and domains", "[punctuation]") {
  CHECK_ANNOTATED("He said ... nothing, with a .45 pistol, on the .gov site.\n. a list dot", kSpaceBefore);
  CHECK_ANNOTATED("Some **bold** , text", kSpaceBefore, copydesk::Format::Markdown);
}

TEST_CASE("punctuation.doubled-punctuation flags doubled marks", "[punctuation]") {
  CHECK_ANNOTATED("The ministry said[[,,]]{punctuation.doubled-punctuation} in a statement.", kDoubled);
  CHECK_ANNOTATED("The talks would go on[[..]]{punctuation.doubled-punctuation}", kDoubled);
  CHECK_ANNOTATED("He left[[,.]]{punctuation.doubled-punctuation} Then[[;;]]{punctuation.doubled-punctuation} more.",
                  kDoubled);
  CHECK_ANNOTATED("Why[[?.]]{punctuation.doubled-punctuation} Nobody knows.", kDoubled);
}

TEST_CASE("punctuation.doubled-punctuation stays silent on ellipses and abbreviations", "[punctuation]") {
  CHECK_ANNOTATED("And then... nothing.... Really?! Yes!! Apple Inc., the U.S., and 9 a.m.: all fine.", kDoubled);
}

TEST_CASE("punctuation.double-space flags runs of spaces inside a sentence", "[punctuation]") {
  CHECK_ANNOTATED("The talks[[  ]]{punctuation.double-space}ended on Wednesday.", kDoubleSpace);
  CHECK_ANNOTATED("The talks,[[   ]]{punctuation.double-space}officials said, ended.", kDoubleSpace);
}

TEST_CASE("punctuation.double-space stays silent on invalid UTF-8, which is not a space typed", "[punctuation]") {
  // The Latin-1 é of "café" is blanked to a space in the valid text; the source has none.
  CHECK_ANNOTATED("The caf\xe9 was closed.", kDoubleSpace);
  CHECK_ANNOTATED("The caf\xe9 was closed and the[[  ]]{punctuation.double-space}talks ended.", kDoubleSpace);
}

TEST_CASE("punctuation.double-space stays silent between sentences and on markup", "[punctuation]") {
  CHECK_ANNOTATED("The talks ended.  Officials left.  “We are done.”  Then they ate.", kDoubleSpace);
  CHECK_ANNOTATED("The *talks* ended and **all** went home.", kDoubleSpace, copydesk::Format::Markdown);
  CHECK_ANNOTATED("A wrapped line that is long enough to be wrapped by a writer's editor\n  and then indented.",
                  kDoubleSpace);
}

TEST_CASE("messages quote a bounded excerpt, however long the text without spaces", "[punctuation]") {
  const std::string run(30000, ',');
  const std::string text = "Before " + run + " after";
  const std::string shown = copydesk::words_around(text, 7, 7 + run.size());
  CHECK(shown.size() <= 90);
  CHECK(shown.find("…") != std::string::npos);
  const std::string quotes = [] {
    std::string q;
    for (int i = 0; i < 10000; ++i) q += "“";
    return q;
  }();
  for (const auto& d : copydesk::test::run_rules(quotes, {"punctuation.unbalanced-quote"})) CHECK(d.message.size() < 200);
  // Short spans keep their whole words.
  CHECK(copydesk::words_around("said ,then left", 4, 6) == "said ,then");
}

TEST_CASE("find_marks finds every mark a search for each finds, and nothing inside other characters", "[punctuation]") {
  // Multi-byte letters and marks ("é", "…", "。", "；") hold no ASCII byte, so none is a mark.
  const std::string text = "Café, “déjà vu”… 3.5; Zürich:yes? no! 東京。x；y";
  std::vector<std::size_t> expected;
  for (std::size_t at = text.find_first_of(",.;:?!"); at != std::string::npos; at = text.find_first_of(",.;:?!", at + 1))
    expected.push_back(at);
  CHECK(copydesk::punctuation::find_marks(text) == expected);
  CHECK(expected.size() == 6);
  CHECK(copydesk::punctuation::find_marks("") == std::vector<std::size_t>{});
}

TEST_CASE("the punctuation kinds read runs and spaces at either end of the text", "[punctuation]") {
  // A run of marks at the very start and end, a space run at the start of the text.
  CHECK_ANNOTATED("[[,,]]{punctuation.doubled-punctuation} it ended[[;;]]{punctuation.doubled-punctuation}", kDoubled);
  CHECK_ANNOTATED(" , it ended[[ \t;]]{punctuation.space-before-punctuation}", kSpaceBefore);
  CHECK_ANNOTATED("It ended[[ \t ;]]{punctuation.space-before-punctuation} then.", kSpaceBefore);
  // The colon is not a missing-space mark; the semicolon before it is.
  CHECK_ANNOTATED("Note:This and Paris[[;L]]{punctuation.missing-space}ondon", kMissing);
}
