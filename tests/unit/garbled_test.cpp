// The garbled checks. Fragments and verbs need the part-of-speech model.
#include <filesystem>

#include <catch2/catch.hpp>

#include "checks/garbled/sentence_score.hpp"
#include "support.hpp"
#include "tagger/tagger.hpp"

namespace {
const std::set<std::string> kFragment = {"garbled.fragment"};
const std::set<std::string> kCollapsed = {"garbled.collapsed-clause"};

}  // namespace

TEST_CASE("garbled.fragment flags pieces with no main clause", "[garbled]") {
  CHECK_ANNOTATED("Blinken spoke on Wednesday. [[Retrieved in Moscow.]]{garbled.fragment} He left.", kFragment);
  CHECK_ANNOTATED("Allies fear Moscow will use it as an excuse. [[To say that diplomacy has failed.]]{garbled.fragment}",
                  kFragment);
  CHECK_ANNOTATED("“We are ready for talks. [[With mutual understanding in Europe.]]{garbled.fragment}”", kFragment);
  CHECK_ANNOTATED("“We must not renew the occupation. [[Conflict and all that comes after it.]]{garbled.fragment}”",
                  kFragment);
  CHECK_ANNOTATED("The plan was sent to Moscow. [[Which will be discussed by the ministers next week.]]{garbled.fragment}",
                  kFragment);
}

TEST_CASE("garbled.fragment stays silent on correct English", "[garbled]") {
  CHECK_ANNOTATED("To be sure, the talks continue. Not so.", kFragment);
  CHECK_ANNOTATED("The envoy arrived. “Also consider setting up a civilian emergency hotline.”", kFragment);
  CHECK_ANNOTATED("“In Moscow,” he said. “With pleasure.” She smiled.", kFragment);
  CHECK_ANNOTATED("No official negotiation document\n\nThe talks went on.", kFragment);
  CHECK_ANNOTATED("Close the door. Then sit down and listen to the minister.", kFragment);
  CHECK_ANNOTATED("By John Smith\n\nWASHINGTON — The talks continued on Wednesday.", kFragment);
  CHECK_ANNOTATED("The talks ended. In big cities and small towns. In schools and shopping malls.", kFragment);
  CHECK_ANNOTATED("The talks ended. While they were stalled, the ministers met again.", kFragment);
  CHECK_ANNOTATED("The talks ended. Why did they stop? Because nobody came.", kFragment);
  CHECK_ANNOTATED("He spoke. Asked about the talks, the minister said they would continue.", kFragment);
}

TEST_CASE("garbled.collapsed-clause flags a name on both sides of a verb or of and", "[garbled]") {
  CHECK_ANNOTATED("The envoys met. Talks between [[Russia and Russia]]{garbled.collapsed-clause} ended.", kCollapsed);
  CHECK_ANNOTATED("He rejected NATO’s demands that [[Ukraine never accept Ukraine]]{garbled.collapsed-clause}.",
                  kCollapsed);
}

TEST_CASE("garbled.collapsed-clause stays silent on different entities and idioms", "[garbled]") {
  CHECK_ANNOTATED("Russia and Russia’s allies met the United States and the United States Congress.", kCollapsed);
  CHECK_ANNOTATED("They met face to face, day by day, Manchester United against Manchester City.", kCollapsed);
  CHECK_ANNOTATED("Russia is Russia, and a deal remains a deal.", kCollapsed);
  CHECK_ANNOTATED("Ukraine hopes Ukraine will join the alliance, Biden said.", kCollapsed);
}

TEST_CASE("garbled.unlikely-sentence scores broken agreement and doubled words", "[garbled]") {
  // The rule ships disabled, so its score is tested directly.
  const std::filesystem::path root(COPYDESK_SOURCE_DIR);
  const auto tagger = copydesk::Tagger::load(root / "models/en-pos.model");
  const copydesk::TagNgramModel model(root / "rules/garbled/tag-trigrams.txt");
  const auto score = [&](const std::string& text) {
    const copydesk::Source source("<test>", text);
    const copydesk::Document doc(source, nullptr, tagger.get());
    return copydesk::garble_score(doc, doc.sentences().at(0), model);
  };
  const auto bad = score("The the minister say they has sent a documents to to the the ministry.");
  const auto good = score("The minister says they have sent the documents to the ministry.");
  CHECK(bad.doubled == 3);
  CHECK(bad.agreement == 2);
  CHECK(good.doubled == 0);
  CHECK(good.agreement == 0);
  CHECK(bad.total >= 3.0);
  CHECK(good.total < 3.0);
}
