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

// Fresh cases of each kind; those marked MT are machine translations from the MLQE-PE
// corpus (shared/corpus/mt-quality).
TEST_CASE("garbled.fragment flags a stray prepositional phrase", "[garbled]") {
  CHECK_ANNOTATED("The monument was unveiled on Sunday. [[In the hearts of the Cambodian people.]]{garbled.fragment}",
                  kFragment);  // MT
  CHECK_ANNOTATED("The couple travelled north in January. "
                  "[[With the beautiful scenery of the frozen trees on their honeymoon.]]{garbled.fragment}",
                  kFragment);  // MT
  CHECK_ANNOTATED("The council approved the budget. [[Without any warning to the families in the valley.]]{garbled.fragment}",
                  kFragment);
  CHECK_ANNOTATED("“We are ready to sign. [[For the sake of peace in the region.]]{garbled.fragment}”", kFragment);
}

TEST_CASE("garbled.fragment flags an infinitive standing alone", "[garbled]") {
  CHECK_ANNOTATED("The army moved in overnight. "
                  "[[To cut the carnage that took place in Democratic Kampuchea.]]{garbled.fragment}",
                  kFragment);  // MT
  CHECK_ANNOTATED("He left the room in anger. "
                  "[[To threaten to stop talking to her because she belongs to me.]]{garbled.fragment}",
                  kFragment);  // MT
  CHECK_ANNOTATED("The mayor promised new funding. [[To make sure that every school has a nurse.]]{garbled.fragment}",
                  kFragment);
}

TEST_CASE("garbled.fragment flags a participle with no subject", "[garbled]") {
  CHECK_ANNOTATED("The treaty was drafted in Geneva. "
                  "[[Signed by all those who attended the dedication ceremony.]]{garbled.fragment}",
                  kFragment);  // MT
  CHECK_ANNOTATED("The minister met the envoy on Friday. [[Reported by state television in Tehran.]]{garbled.fragment}",
                  kFragment);
  CHECK_ANNOTATED("Police closed the road for hours. [[Published in the evening edition of the paper.]]{garbled.fragment}",
                  kFragment);
}

TEST_CASE("garbled.fragment flags a noun phrase whose only verb is in a relative clause", "[garbled]") {
  CHECK_ANNOTATED("The court heard the case on Monday. "
                  "[[A transgressor who anticipates the consequences and accepts them.]]{garbled.fragment}",
                  kFragment);  // MT
  CHECK_ANNOTATED("The strike ended on Monday. "
                  "[[The workers who had waited outside the factory gates since dawn.]]{garbled.fragment}",
                  kFragment);
  CHECK_ANNOTATED("Few expected the vote to pass. [[The ceasefire which had been agreed in Doha last spring.]]{garbled.fragment}",
                  kFragment);
  CHECK_ANNOTATED("The plan was sent to Moscow. [[Which will be discussed by the ministers next week.]]{garbled.fragment}",
                  kFragment);
}

TEST_CASE("garbled.fragment stays silent on correct English", "[garbled]") {
  CHECK_ANNOTATED("To be sure, the talks continue. Not so.", kFragment);
  CHECK_ANNOTATED("The envoy arrived. “Also think about opening a second crossing for aid.”", kFragment);
  CHECK_ANNOTATED("“In Moscow,” he said. “With pleasure.” She smiled.", kFragment);
  CHECK_ANNOTATED("New rules for border crossings\n\nThe talks went on.", kFragment);
  CHECK_ANNOTATED("Close the door. Then sit down and listen to the minister.", kFragment);
  CHECK_ANNOTATED("By John Smith\n\nWASHINGTON — The talks continued on Wednesday.", kFragment);
  CHECK_ANNOTATED("The talks ended. In big cities and small towns. In schools and shopping malls.", kFragment);
  CHECK_ANNOTATED("The talks ended. While they were stalled, the ministers met again.", kFragment);
  CHECK_ANNOTATED("The talks ended. Why did they stop? Because nobody came.", kFragment);
  CHECK_ANNOTATED("He spoke. Asked about the talks, the minister said they would continue.", kFragment);
}

TEST_CASE("garbled.collapsed-clause flags a name on both sides of a verb or of and", "[garbled]") {
  CHECK_ANNOTATED("The envoys met. Talks between [[Russia and Russia]]{garbled.collapsed-clause} ended.", kCollapsed);
  CHECK_ANNOTATED("Officials said that [[China would never allow China]]{garbled.collapsed-clause} to join the pact.",
                  kCollapsed);
  CHECK_ANNOTATED("Analysts fear that [[Turkey will block Turkey]]{garbled.collapsed-clause} from the talks.", kCollapsed);
  CHECK_ANNOTATED("The statement insisted that [[Iran never threaten Iran]]{garbled.collapsed-clause} again.", kCollapsed);
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
