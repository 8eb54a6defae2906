// The garbled checks. Fragments and verbs need the part-of-speech model.

#include <catch2/catch.hpp>

#include "support.hpp"

namespace {
const std::set<std::string> kFragment = {"garbled.fragment"};
const std::set<std::string> kCollapsed = {"garbled.collapsed-clause"};
const std::set<std::string> kUnlikely = {"garbled.unlikely-sentence"};

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

// A clean article of the project's own, and its round trip through rule-based machine
// translation (Debian's apertium, English → Catalan → English).
const char* const kCleanArticle =
    "The city council voted on Tuesday to close two libraries and a swimming pool to cover a gap in next "
    "year's budget.\n\n"
    "Council members said the decision had been forced on them by cuts in the money the regional government "
    "sends to the city.\n\n"
    "Parents who use the pool for swimming lessons said they would take their children to the neighbouring "
    "town instead, a journey of forty minutes by bus.\n\n"
    "The mayor promised that the libraries would reopen as soon as the finances of the city allowed it, but "
    "gave no date.\n\n"
    "Opposition councillors accused her of choosing the easiest savings rather than cutting the salaries of "
    "senior officials.\n\n"
    "A petition against the closures had collected more than three thousand signatures by Wednesday evening.\n";

TEST_CASE("garbled.unlikely-sentence flags word salad inside a clean article", "[garbled]") {
  CHECK_ANNOTATED(std::string(kCleanArticle) +
                      "\n[[Budget the Tuesday council on approved debate long a after funding school about and "
                      "repairs road districts northern.]]{garbled.unlikely-sentence}\n",
                  kUnlikely);
  CHECK_ANNOTATED("The agency said fuel prices rose sharply this week. [[Prices the fuel of rose week sharply this "
                  "drivers many for cost the of commuting raising.]]{garbled.unlikely-sentence} Drivers complained.",
                  kUnlikely);
}

TEST_CASE("garbled.unlikely-sentence stays silent on clean text with names, numbers, quotations and lists",
          "[garbled]") {
  CHECK_ANNOTATED(kCleanArticle, kUnlikely);
  CHECK_ANNOTATED("Volodymyr Zelenskyy met Kaja Kallas and Mette Frederiksen in Brussels on Thursday to discuss the "
                  "2026 budget. “We will not back down, not now, not ever,” said Oleksandr Syrskyi, the commander. "
                  "The agency received 4,312 applications, 1,020 of them from Nebraska, Iowa and the Dakotas, by "
                  "March 31. Officials said the antiretroviral regimen reduced transmission by 96 percent among the "
                  "1,763 couples enrolled. Farmers in the valley had had enough of the drought by the time the rains "
                  "finally came in late October.",
                  kUnlikely);
  CHECK_ANNOTATED("Council closes two libraries and a pool to balance the budget\n\n"
                  "What the council cut:\n\n- two branch libraries in the north of the city\n\n"
                  "- the public swimming pool on Station Road\n\n- evening bus services on three routes\n",
                  kUnlikely);
}
