#include <catch2/catch.hpp>

#include <thread>

#include "engine/engine.hpp"
#include "spell/speller.hpp"
#include "support.hpp"

using copydesk::test::run_rules;

TEST_CASE("spelling.unknown-word flags a misspelled lower-case word with suggestions", "[spelling]") {
  CHECK_ANNOTATED("The minister [[adressed]]{spelling.unknown-word} reporters on Wednesday.",
                  {"spelling.unknown-word"});
  const auto d = run_rules("The minister adressed reporters.", {"spelling.unknown-word"});
  REQUIRE(d.size() == 1);
  CHECK_THAT(d[0].suggestions, Catch::Matchers::VectorContains(std::string("addressed")));
}

TEST_CASE("spelling.unknown-word stays silent on names, acronyms, numbers and newsroom words", "[spelling]") {
  CHECK_ANNOTATED("Lavrov met Stoltenberg and NATO officials at 10:45 about the hotline.", {"spelling.unknown-word"});
  CHECK_ANNOTATED("See https://example.com/some-pathh or write to desk@exampel.org or @reporterr.",
                  {"spelling.unknown-word"});
  CHECK_ANNOTATED("Russia’s envoy and the States’ officials spoke in the ’90s.", {"spelling.unknown-word"});
}

TEST_CASE("spelling.unknown-word takes words built from known parts as real", "[spelling]") {
  CHECK_ANNOTATED("The interagency roundtable on counterterrorism was impactful and transformative.",
                  {"spelling.unknown-word"});
  CHECK_ANNOTATED("People with pre-existing conditions and eco-tourism operators spoke.", {"spelling.unknown-word"});
  CHECK_ANNOTATED("The drawdown of servicemembers follows the roadmap.", {"spelling.unknown-word"});
}

TEST_CASE("spelling.unknown-word reports a word run into a function word as a missing space", "[spelling]") {
  const auto d = run_rules("They broke the normsthat bind us.", {"spelling.unknown-word"});
  REQUIRE(d.size() == 1);
  CHECK(d[0].suggestions == std::vector<std::string>{"norms that"});
  CHECK(d[0].message.find("run together") != std::string::npos);
}

namespace {
const std::set<std::string> kSpelling{"spelling.unknown-word"};
const std::set<std::string> kVariety{"style.mixed-variety"};
}  // namespace

TEST_CASE("spelling.unknown-word reports a word when a far more common word is one slip away", "[spelling]") {
  CHECK_ANNOTATED("The [[goverment]]{spelling.unknown-word} will [[recieve]]{spelling.unknown-word} the report.", kSpelling);
  CHECK_ANNOTATED("It was [[definately]]{spelling.unknown-word} a [[seperate]]{spelling.unknown-word} matter.", kSpelling);
  const auto d = run_rules("The goverment met.", kSpelling);
  REQUIRE(d.size() == 1);
  CHECK(d[0].suggestions.front() == "government");
  CHECK(d[0].message == "“goverment” looks like a misspelling of “government”.");
}

TEST_CASE("spelling.unknown-word stays silent on rare and technical words close to no common word", "[spelling]") {
  // In no dictionary, but nothing far more probable is one slip away.
  CHECK_ANNOTATED("Aid groups invoked the principle of non-refoulement for the asylum seekers.", kSpelling);
  CHECK_ANNOTATED("Clinics ran out of antiretrovirals and the nurses measured haemoglobin and thrombocytopenia.", kSpelling);
  // Words of the SCOWL lexicon that Hunspell lacks.
  CHECK_ANNOTATED("The ecclesiology of the synod and its sesquicentennial were discussed.", kSpelling);
}

TEST_CASE("spelling.unknown-word accepts British spelling as spelling", "[spelling]") {
  CHECK_ANNOTATED("The programme will recognise the offence, and the organisation's licence was renewed.", kSpelling);
  CHECK_ANNOTATED("The colour of the theatre's centre was honoured.", kSpelling);
}

TEST_CASE("spelling.unknown-word checks hyphenated words whole and as prefix and word", "[spelling]") {
  CHECK_ANNOTATED("The narco-trafficking gangs and ethno-nationalist parties co-ordinated attacks.", kSpelling);
  CHECK_ANNOTATED("Former premier Lai Chung-tai and Ahn Sung-ki attended the socio-economic forum.", kSpelling);
  CHECK_ANNOTATED("A well-known anti-[[goverment]]{spelling.unknown-word} group spoke.", kSpelling);
}

TEST_CASE("spelling.not-in-dictionary is off by default and lists words in no dictionary", "[spelling]") {
  const std::string text = "Aid groups invoked non-refoulement. The goverment agreed.";
  CHECK(run_rules(text, {"spelling.not-in-dictionary"}).empty());
  copydesk::EngineOptions options;
  options.data_dir = COPYDESK_SOURCE_DIR;
  options.only = {"spelling.not-in-dictionary"};
  options.config.rules["spelling.not-in-dictionary"].enabled = true;
  const copydesk::Engine engine(options);
  const copydesk::Engine::Worker worker(engine);
  const auto found = worker.check(copydesk::Source("<test>", text, copydesk::Format::Plain)).diagnostics;
  REQUIRE(found.size() == 1);
  CHECK(copydesk::test::covered(text, found[0]) == "refoulement");
  CHECK(found[0].severity == copydesk::Severity::Info);
}

TEST_CASE("style.mixed-variety reports an article mixing American and British spelling once", "[spelling]") {
  CHECK_ANNOTATED("The colour of the flag, the honour of the regiment and the centre were praised, though the "
                  "[[color]]{style.mixed-variety} guard was not. The color faded.",
                  kVariety);
  const auto d = run_rules("The colour and the honour, but the color.", kVariety);
  REQUIRE(d.size() == 1);
  CHECK(d[0].message ==
        "“color” is American spelling; the article otherwise follows British spelling (“colour” and 1 more).");
  // Possessives, with either apostrophe, and a capital opening the sentence mark a variety too.
  CHECK_ANNOTATED("Colour’s hold on the honour's guard ended with the [[color’s]]{style.mixed-variety} fading.", kVariety);
}

TEST_CASE("style.mixed-variety counts every use of a word it looked up once", "[spelling]") {
  // "colour" is looked up once, by its key without the possessive: each of its uses,
  // possessive or not, at a sentence's start or not, counts toward British spelling.
  const std::string text = "Colour matters. The colour's hold and the colour’s glow. The [[color]]{style.mixed-variety} faded.";
  CHECK_ANNOTATED(text, kVariety);
  const auto d = copydesk::test::run_rules(text, kVariety);
  REQUIRE(d.size() == 1);
  CHECK_THAT(d[0].message, Catch::Contains("British spelling (“Colour” and 2 more)"));
}

TEST_CASE("style.mixed-variety stays silent on one variety, Oxford spelling and names", "[spelling]") {
  CHECK_ANNOTATED("The colour of the organisation's flag was honoured by the programme.", kVariety);
  CHECK_ANNOTATED("The color of the organization's flag was honored by the program.", kVariety);
  // Oxford spelling: -ize with British -our.
  CHECK_ANNOTATED("The colour was recognized and the organization honoured it.", kVariety);
  // One word each way: no variety is the article's.
  CHECK_ANNOTATED("The colour of the flag matched the color of the car.", kVariety);
  // A name is written as its owner writes it.
  CHECK_ANNOTATED("The color guard met the Labour Party and the Harbour Authority.", kVariety);
}

TEST_CASE("spelling.unknown-word reports a wrong ordinal ending and leaves units alone", "[spelling]") {
  CHECK_ANNOTATED("He marked his [[70tth]]{spelling.unknown-word} birthday on the [[22th]]{spelling.unknown-word} "
                  "and the [[11st]]{spelling.unknown-word}.",
                  kSpelling);
  CHECK_ANNOTATED("On the 1st, 2nd, 3rd, 11th, 12th, 13th, 21st and 70th, at 10am, 5ft tall, in the 90s.", kSpelling);
  const auto d = run_rules("his 70tth birthday", kSpelling);
  REQUIRE(d.size() == 1);
  CHECK(d[0].suggestions == std::vector<std::string>{"70th"});
}

TEST_CASE("spelling.real-word-slip reports a real word typed for another in a well-known name", "[spelling]") {
  const std::set<std::string> rule{"spelling.real-word-slip"};
  CHECK_ANNOTATED("She spoke at the [[Untied]]{spelling.real-word-slip} Nations on Tuesday.", rule);
  CHECK_ANNOTATED("He met the Crown Prince and Prime [[Minster]]{spelling.real-word-slip} of Saudi Arabia.", rule);
  const auto d = run_rules("She spoke at the Untied Nations.", rule);
  REQUIRE(d.size() == 1);
  CHECK(d[0].suggestions == std::vector<std::string>{"United"});
  // A name's words are looked up once a text: the second slip is found as the first was.
  CHECK_ANNOTATED("The [[Untied]]{spelling.real-word-slip} Nations met. Later the [[Untied]]{spelling.real-word-slip} "
                  "Nations voted, and the United Nations adjourned.",
                  rule);
}

TEST_CASE("spelling.real-word-slip reads a possessive alike with either apostrophe", "[spelling]") {
  const std::set<std::string> rule{"spelling.real-word-slip"};
  CHECK_ANNOTATED("The [[Untied]]{spelling.real-word-slip} Nation's envoy spoke, and the "
                  "[[Untied]]{spelling.real-word-slip} Nation's aide.",
                  rule);
  CHECK_ANNOTATED("The Pope's [[Untied]]{spelling.real-word-slip} Nations speech.", rule);
  // The model spells apostrophes straight: a curly one is read as one.
  CHECK_ANNOTATED("The [[Untied]]{spelling.real-word-slip} Nation\u2019s envoy spoke.", rule);
  CHECK_ANNOTATED("The Pope\u2019s [[Untied]]{spelling.real-word-slip} Nations speech.", rule);
  // A real name beside a possessive stays a name.
  CHECK_ANNOTATED("The United Nation\u2019s envoy met Pope\u2019s aides.", rule);
}

TEST_CASE("spelling.real-word-slip stays silent on names, inflections and plain words", "[spelling]") {
  const std::set<std::string> rule{"spelling.real-word-slip"};
  // Another last letter is another form of the word; another first letter another name.
  CHECK_ANNOTATED("Israel sponsored the UN Refugees Convention, and Justices Breyer and Kagan dissented.", rule);
  CHECK_ANNOTATED("She signed with the famed Ford Modeling Agency and sailed to Coco Cay.", rule);
  // Lower-case words are not part of a name.
  CHECK_ANNOTATED("His laces were untied when he reached the united front.", rule);
  CHECK_ANNOTATED("She spoke at the United Nations and the United States.", rule);
  // The model must know the word and both its neighbours: a slip beside a name it lacks is
  // not scored, on either side.
  CHECK_ANNOTATED("She spoke at the Untied Xqvorns on Tuesday.", rule);
  CHECK_ANNOTATED("She spoke at Xqvorn Untied Nations on Tuesday.", rule);
}

TEST_CASE("spelling.unknown-word finds two words run together around a function word", "[spelling]") {
  CHECK_ANNOTATED("We waited [[sinceit]]{spelling.unknown-word} rained, and [[theyhave]]{spelling.unknown-word} left.",
                  kSpelling);
  // Two content words closed up are as often a compound.
  CHECK_ANNOTATED("The likeminded countries met; a talkshow host spoke.", kSpelling);
  const auto d = run_rules("We waited sinceit rained.", kSpelling);
  REQUIRE(d.size() == 1);
  CHECK(d[0].suggestions == std::vector<std::string>{"since it"});
}

TEST_CASE("Spellers opened and closed on other threads leave a Speller's capitals readable", "[spelling]") {
  // Hunspell's case table for UTF-8 is one per process: an all-capital name with an
  // accent is known only through it. The interleaving that once freed it under a live
  // Speller cannot be forced from here: opens and closes run side by side, and the
  // Speller kept must still read capitals.
  const auto [aff, dic] = copydesk::system_dictionary("en_US");
  const std::vector<std::string> names{(copydesk::find_data_dir() / "dictionaries" / "names.dic").string()};
  const copydesk::Speller kept(aff, dic, names);
  REQUIRE(kept.known("ARAÚJO"));
  const auto open_and_close = [&] {
    for (int i = 0; i < 4; ++i) const copydesk::Speller passing(aff, dic, names);
  };
  std::thread a(open_and_close), b(open_and_close);
  a.join();
  b.join();
  CHECK(kept.known("ARÉVALO"));  // not cached: asked of Hunspell now
  CHECK_FALSE(kept.known("ARAUJJO"));
}

TEST_CASE("spelling.unknown-word cuts a word into parts only between characters", "[spelling]") {
  // Half of "â" is no word: asking the speller about it opened the whole Hunspell, as the
  // compiled word forms answer only for whole characters.
  copydesk::EngineOptions options;
  options.only = {"spelling.unknown-word"};
  const copydesk::Engine engine(options);
  const copydesk::Engine::Worker worker(engine);
  const auto result = worker.check(copydesk::Source("<test>", "The chef served a gâteau at the state dinner."));
  CHECK(result.diagnostics.empty());
  for (const auto& [part, seconds] : engine.timings()) CHECK(part.rfind("Hunspell", 0) == std::string::npos);
}
