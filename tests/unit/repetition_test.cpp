#include <catch2/catch.hpp>

#include "engine/engine.hpp"
#include "support.hpp"

using copydesk::test::run_rules;

namespace {
const std::set<std::string> kDoubled = {"repetition.doubled-word"};
const std::set<std::string> kPhrase = {"repetition.repeated-phrase"};
const std::set<std::string> kEcho = {"repetition.echo"};
const std::set<std::string> kDuplicate = {"repetition.duplicate-sentence"};
const std::set<std::string> kOpeners = {"repetition.sentence-openers"};
const std::set<std::string> kOverused = {"repetition.overused-word"};
}  // namespace

TEST_CASE("repetition.doubled-word flags a word or phrase written twice", "[repetition]") {
  CHECK_ANNOTATED("The minister met [[the the]]{repetition.doubled-word} envoy.", kDoubled);
  CHECK_ANNOTATED("Pride Month marks [[a time a time]]{repetition.doubled-word} of hope.", kDoubled);
  CHECK_ANNOTATED("[[The the]]{repetition.doubled-word} talks resumed.", kDoubled);
  const auto d = run_rules("It was a time a time of hope.", kDoubled);
  REQUIRE(d.size() == 1);
  CHECK(d[0].suggestions == std::vector<std::string>{"a time"});
}

TEST_CASE("repetition.doubled-word stays silent where English doubles on purpose", "[repetition]") {
  CHECK_ANNOTATED("He had had enough. She said that that was all. He gave her her coat.", kDoubled);
  CHECK_ANNOTATED("It was very, very cold; bye bye, she said, and no - no one came.", kDoubled);
  CHECK_ANNOTATED("They flew to Bora Bora and placed veterans in in-demand jobs.", kDoubled);
  CHECK_ANNOTATED("Officials went door to door to check on families.", kDoubled);
  CHECK_ANNOTATED("The talks ended. The envoy left.", kDoubled);
}

TEST_CASE("repetition.repeated-phrase flags a phrase repeated in the next sentence", "[repetition]") {
  CHECK_ANNOTATED(
      "“We are willing to negotiate. If the union drops its demands, [[we are willing to]]{repetition.repeated-phrase} "
      "meet again next week.”",
      kPhrase);
  CHECK_ANNOTATED("“We will not give up. Whatever the court decides, [[we will not give up]]{repetition.repeated-phrase} "
                  "on these families,” she said.",
                  kPhrase);
  const std::string text = "The talks will be difficult. Officials said the talks will be difficult for both sides.";
  const auto d = run_rules(text, kPhrase);
  REQUIRE(d.size() == 1);
  CHECK(copydesk::test::covered(text, d[0]) == "the talks will be difficult");
  REQUIRE(d[0].related.size() == 1);
  CHECK(d[0].related[0].offset == 0);
}

TEST_CASE("repetition.repeated-phrase stays silent on names, topics, fixed expressions and parallels", "[repetition]") {
  // Names and titles.
  CHECK_ANNOTATED("The United States will respond. Officials said the United States would wait.", kPhrase);
  CHECK_ANNOTATED("He met the Secretary of State on Monday and the Secretary of State again on Tuesday.", kPhrase);
  // Nouns: the article's own topic.
  CHECK_ANNOTATED("Child care workers are underpaid. Most child care workers leave within a year.", kPhrase);
  // Fixed expressions and function words.
  CHECK_ANNOTATED("At the same time, prices rose. Wages, at the same time, fell. One of the envoys left with one of the aides.",
                  kPhrase);
  // Deliberate parallels: anaphora, and a phrase that comes back after a conjunction.
  CHECK_ANNOTATED("We cannot let our allies down. We cannot let Ukraine down.", kPhrase);
  CHECK_ANNOTATED("Participation rose partly due to new programs and partly due to the end of restrictions.", kPhrase);
  // Too far apart: another paragraph.
  CHECK_ANNOTATED("We are willing to talk.\n\nLater, in another session, we are willing to meet, he said.", kPhrase);
}

TEST_CASE("repetition.repeated-phrase pairs a repeat with its latest earlier copy within the window", "[repetition]") {
  // Three copies in three sentences, "we" starting many other phrases between them: the
  // third is a repeat of the second, not of the first.
  const std::string text =
      "We are willing to talk, we said, and we meant it. Later we are willing to wait, we added. "
      "Now we are willing to act.";
  const auto d = run_rules(text, kPhrase);
  REQUIRE(d.size() == 2);
  CHECK(copydesk::test::covered(text, d[0]) == "we are willing to");
  REQUIRE(d[0].related.size() == 1);
  CHECK(d[0].related[0].offset == 0);
  CHECK(copydesk::test::covered(text, d[1]) == "we are willing to");
  REQUIRE(d[1].related.size() == 1);
  CHECK(d[1].related[0].offset == text.find("we are willing to wait"));
  CHECK_ANNOTATED("They said we are closing the café today. Still, [[we are closing the café]]{repetition.repeated-phrase} "
                  "soon.",
                  kPhrase);
  // Near misses: two sentences back is out of the window, ASCII or not; capitals make
  // a name or a title.
  CHECK_ANNOTATED("We are willing to talk. Nothing changed. Later we are willing to wait.", kPhrase);
  CHECK_ANNOTATED("They said we are closing the café today. Nothing changed. Later we are closing the café soon.",
                  kPhrase);
  CHECK_ANNOTATED("We are willing to talk. Later WE ARE WILLING TO wait.", kPhrase);
}

TEST_CASE("repetition.duplicate-sentence compares sentences as sets of word pairs, a pair used twice once",
          "[repetition]") {
  // "on and on and on" uses its pairs twice; an exact copy still repeats the sentence
  // exactly, and a copy that drops one "on and" uses the same pairs.
  const std::string once = "The talks went on and on and on in Zürich until the envoys left the city at dawn.";
  const std::string shorter = "The talks went on and on in Zürich until the envoys left the city at dawn.";
  const std::string between = " Officials gave no details of what was said. ";
  auto d = run_rules(once + between + once, kDuplicate);
  REQUIRE(d.size() == 1);
  CHECK(d[0].message == "This sentence repeats an earlier one.");
  d = run_rules(once + between + shorter, kDuplicate);
  REQUIRE(d.size() == 1);
  CHECK(d[0].message == "This sentence repeats an earlier one.");
  // Near miss: another city and time of day make another sentence.
  CHECK_ANNOTATED(once + between + "The talks went on and on and on in Geneva until the envoys left the city at night.",
                  kDuplicate);
}

TEST_CASE("repetition.echo stays silent on a particle inside a foreign name", "[repetition]") {
  CHECK_ANNOTATED("Officers of the Brigada Especial Nacional del Ministerio del Interior were named.", kEcho);
  CHECK_ANNOTATED("Paintings by Leonardo da Vinci and Andrea del Verrocchio hang beside a del Sarto.", kEcho);
}

TEST_CASE("repetition.echo flags a rare word twice within a few words", "[repetition]") {
  CHECK_ANNOTATED("Farmers sold wheat to traders who resold [[wheat]]{repetition.echo} abroad.", kEcho);
  CHECK_ANNOTATED("Regulators fined a refinery after its [[refinery]]{repetition.echo} leaked.", kEcho);
  CHECK_ANNOTATED("Regulators let manufacturers import formula when the [[formula]]{repetition.echo} ran short.", kEcho);
}

TEST_CASE("repetition.echo stays silent on proper nouns and on the terms a text is about", "[repetition]") {
  // A name cannot be reworded; "Lithuania would ask Lithuania" is the garbled checks' case.
  CHECK_ANNOTATED("Officials said Lithuania would ask Lithuania's partners to expel the envoy.", kEcho);
  // An article about a refinery must say "refinery".
  CHECK_ANNOTATED("The refinery reopened. Regulators fined a refinery after its refinery leaked.", kEcho);
  // Compound nouns are terms: "formula makers", "wireless networks".
  CHECK_ANNOTATED("Regulators let manufacturers import formula that the formula makers lacked.", kEcho);
  CHECK_ANNOTATED("Signals from wireless devices travel by way of wireless networks.", kEcho);
}

TEST_CASE("repetition.echo stays silent on common words, idioms, lists and names", "[repetition]") {
  CHECK_ANNOTATED("He said the year was hard and said the next year would be better.", kEcho);
  CHECK_ANNOTATED("They worked side by side and face to face.", kEcho);
  CHECK_ANNOTATED("It threatens civil rights and civil liberties, grants, loans, and other loans.", kEcho);
  CHECK_ANNOTATED("He met Prime Minister Kishida and Prime Minister Albanese in Tokyo.", kEcho);
  CHECK_ANNOTATED("Funds came through the Bipartisan Infrastructure Deal for port infrastructure upgrades.", kEcho);
  CHECK_ANNOTATED("Ukraine asked for help. Ukraine got it.", kEcho);
}

TEST_CASE("repetition.duplicate-sentence flags a sentence repeated exactly or nearly", "[repetition]") {
  CHECK_ANNOTATED(
      "The ministry confirmed the talks would resume in Geneva next week. Officials gave no details. "
      "[[The ministry confirmed that the talks would resume in Geneva next week.]]{repetition.duplicate-sentence}",
      kDuplicate);
  const std::string text =
      "The envoy arrived in Brussels on Monday evening for talks. He met the ministers.\n\n"
      "Nothing was agreed at the first session of the talks.\n\n"
      "The envoy arrived in Brussels on Monday evening for talks. He met the ministers.";
  const auto d = run_rules(text, kDuplicate);
  REQUIRE(d.size() == 1);
  CHECK(copydesk::test::covered(text, d[0]) == "The envoy arrived in Brussels on Monday evening for talks.");
  REQUIRE(d[0].related.size() == 1);
  CHECK(d[0].related[0].offset == 0);
}

TEST_CASE("repetition.duplicate-sentence makes one finding of all the copies of a sentence or passage", "[repetition]") {
  const std::string sentence = "The bridge will stay closed until the inspectors finish their work. ";
  std::string text;
  for (int i = 0; i < 5; ++i) text += sentence;
  auto d = run_rules(text, kDuplicate);
  REQUIRE(d.size() == 1);
  CHECK(d[0].offset == sentence.size());
  CHECK(d[0].message.find("3 more times") != std::string::npos);
  CHECK(d[0].related.size() == 4);  // the original and the three later copies

  // Scattered copies too, and a pasted passage.
  const std::string passage = "Crews will work through the night to clear the debris. Residents may return to their homes on Monday. ";
  text = passage + "Officials gave no details. " + passage + "The mayor thanked the crews. " + passage;
  d = run_rules(text, kDuplicate);
  REQUIRE(d.size() == 1);
  CHECK(d[0].message.find("These 2 sentences") != std::string::npos);
  CHECK(d[0].related.size() == 2);

  // Thousands of copies (within one section of a long input): one finding, and only
  // the first copies listed.
  text.clear();
  for (int i = 0; i < 1500; ++i) text += sentence;
  d = run_rules(text, kDuplicate);
  REQUIRE(d.size() == 1);
  CHECK(d[0].message.find("1498 more times") != std::string::npos);
  CHECK(d[0].related.size() == 11);
}

TEST_CASE("repetition.duplicate-sentence stays silent on templates, quotes given in full and short lines",
          "[repetition]") {
  CHECK_ANNOTATED(
      "Lisa Cook took office as a member of the Board on May 23, 2022, for a term ending in 2024. "
      "Philip Jefferson took office as a member of the Board on May 23, 2022, for a term ending in 2036.",
      kDuplicate);
  CHECK_ANNOTATED(
      "“Human nature resides in the discipline of detail,” she said.\n\n"
      "The full remarks follow.\n\nHuman nature resides in the discipline of detail.",
      kDuplicate);
  CHECK_ANNOTATED("He said no. Later he said no.", kDuplicate);
}

TEST_CASE("repetition.sentence-openers flags three sentences opening alike", "[repetition]") {
  CHECK_ANNOTATED(
      "They have purged voters. They have closed polling places. [[They have]]{repetition.sentence-openers} made it a crime.",
      kOpeners);
  CHECK_ANNOTATED("They have purged voters. They closed polling places. They have made it a crime.", kOpeners);
  CHECK_ANNOTATED("- They have purged voters.\n- They have closed polling places.\n- They have made it a crime.", kOpeners);
}

TEST_CASE("repetition.overused-word is off by default and, turned on, flags a word used far too often",
          "[repetition]") {
  const std::string text =
      "The document was released on Wednesday. The document says little. Officials said the document was a first "
      "step, and the document will be shared. Critics called the document vague, and he said so.";
  CHECK(run_rules(text, kOverused).empty());

  copydesk::EngineOptions options;
  options.data_dir = COPYDESK_SOURCE_DIR;
  options.only = kOverused;
  options.config.rules["repetition.overused-word"].enabled = true;
  const copydesk::Engine engine(options);
  const copydesk::Engine::Worker worker(engine);
  const auto found = worker.check(copydesk::Source("<test>", text, copydesk::Format::Plain)).diagnostics;
  REQUIRE(found.size() == 1);
  CHECK(copydesk::test::covered(text, found[0]) == "document");
  CHECK(found[0].related.size() == 4);
  // Names are not counted: an article repeats its subject's name.
  const std::string names =
      "Blinken met Lavrov. Blinken met Lavrov. Blinken met Lavrov. Blinken met Lavrov. Blinken met Lavrov.";
  CHECK(worker.check(copydesk::Source("<test>", names, copydesk::Format::Plain)).diagnostics.empty());
}

TEST_CASE("repetition.repeated-phrase stays linear in a sentence that never ends", "[repetition]") {
  // A transcript without punctuation is one sentence: 100,000 phrases that open on "the"
  // must not each be compared with all the others before them.
  std::string text = "They never stop trying hard ";
  for (int i = 0; i < 100000; ++i) text += "the " + copydesk::test::distinct_word(i) + " " + copydesk::test::distinct_word(i) + "s ";
  text += "while they never stop trying hard.";
  const copydesk::Engine& engine = copydesk::test::shipped();
  const copydesk::Engine::Worker worker(engine);
  const auto rule = std::find_if(engine.rules().begin(), engine.rules().end(),
                                 [](const copydesk::Rule& r) { return r.id == "repetition.repeated-phrase"; });
  REQUIRE(rule != engine.rules().end());
  const double before = copydesk::test::thread_cpu_seconds();
  // One rule on the whole text, as one Document (no sections).
  const auto found = worker.check_with(copydesk::Source("transcript.txt", text), *rule);
  const double seconds = copydesk::test::thread_cpu_seconds() - before;
  INFO("CPU " << seconds << " s");
  CHECK(seconds < 6);  // 0.5 s on the bench machine, most of it segmenting; 17 s when it was quadratic
  REQUIRE(found.size() == 1);
  CHECK(copydesk::test::covered(text, found[0]) == "they never stop trying hard");
}
