// A Document tags a sentence the first time one of its tags is asked for: the tags are the
// tagger's own for that sentence, and a check that asks for none leaves it untagged.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "document/document.hpp"
#include "engine/engine.hpp"
#include "support.hpp"
#include "tagger/tagger.hpp"

namespace {

using namespace copydesk;

const Tagger& shipped_tagger() {
  static const std::unique_ptr<Tagger> tagger = Tagger::shipped(COPYDESK_SOURCE_DIR);
  return *tagger;
}

// The shipped tagger, noting the first word of every sentence it is given.
class RecordingTagger : public Tagger {
 public:
  void tag(const std::vector<std::string_view>& words, std::vector<Pos>& tags) const override {
    asked.emplace(words.front());
    shipped_tagger().tag(words, tags);
  }
  mutable std::multiset<std::string> asked;
};

std::vector<std::string_view> words_of(const Document& doc, const Sentence& s) {
  std::vector<std::string_view> words;
  for (std::uint32_t k = s.first_token; k < s.last_token; ++k) words.push_back(doc.tokens()[k].text);
  return words;
}

// The rule's findings on `text`, its check built and run as the engine does, over a
// Document that tags with `tagger`.
std::vector<Diagnostic> run_rule(const std::string& id, const std::string& text, const Tagger& tagger) {
  const Engine& engine = test::shipped();
  const Engine::Worker worker(engine);
  const auto rule = std::find_if(engine.rules().begin(), engine.rules().end(), [&](const Rule& r) { return r.id == id; });
  REQUIRE(rule != engine.rules().end());
  const auto check = CheckRegistry::instance().find(rule->kind)->factory(*rule, engine.context());
  const Source source("lazy.txt", text, Format::Plain);
  const Document doc(source, worker.resources().speller, &tagger);
  std::vector<Diagnostic> found;
  Emitter emitter(*rule, found);
  check->run(doc, worker.resources(), emitter);
  worker.resources().memo.clear();
  return found;
}

}  // namespace

TEST_CASE("a Document's tags, asked in any order, are the tagger's for each sentence alone", "[document][tagger]") {
  const Source source("t.txt",
                      "Zürich’s mayor, Corine Mauch, opened the café on Tuesday. Critics called the plan naïve.\n\n"
                      "“We will not back down,” said Björk Guðmundsdóttir — the city’s résumé is long. "
                      "Prices rose 5% in São Paulo.\n\nThe council will vote on the budget next week.",
                      Format::Plain);
  const RecordingTagger tagger;
  const Document doc(source, nullptr, &tagger);
  const auto& sentences = doc.sentences();
  REQUIRE(sentences.size() == 5);
  REQUIRE(doc.paragraphs().size() == 3);
  CHECK(tagger.asked.empty());  // nothing is tagged until asked
  // Backwards through the document, and backwards through each sentence, then once more
  // forwards: each sentence is tagged once, as the tagger tags it given alone.
  std::size_t nouns = 0;
  for (int pass = 0; pass < 2; ++pass) {
    for (std::size_t i = 0; i < sentences.size(); ++i) {
      const Sentence& s = sentences[pass == 0 ? sentences.size() - 1 - i : i];
      std::vector<Pos> alone;
      shipped_tagger().tag(words_of(doc, s), alone);
      REQUIRE(alone.size() == s.token_count());
      for (std::uint32_t k = s.last_token; k-- > s.first_token;) {
        INFO(doc.tokens()[k].text);
        CHECK(doc.pos(k) == alone[k - s.first_token]);
        nouns += is_noun(doc.pos(k));
      }
    }
  }
  CHECK(nouns > 10);  // real tags, not Pos::None throughout
  CHECK(tagger.asked == std::multiset<std::string>{"Zürich’s", "Critics", "“", "Prices", "The"});
  // A few well-known words, to be sure the tags sit on their own tokens.
  const auto tag_of = [&](std::string_view word) {
    for (std::uint32_t k = 0; k < doc.tokens().size(); ++k)
      if (doc.tokens()[k].text == word) return doc.pos(k);
    return Pos::None;
  };
  CHECK(tag_of("café") == Pos::NN);
  CHECK(tag_of("will") == Pos::MD);
  CHECK(tag_of("São") == Pos::NNP);
}

TEST_CASE("a Document without a tagger answers Pos::None", "[document][tagger]") {
  const Source source("t.txt", "The council will vote on the budget next week.", Format::Plain);
  const Document doc(source, nullptr, nullptr);
  REQUIRE(doc.tokens().size() == 10);
  for (std::uint32_t k = 0; k < doc.tokens().size(); ++k) CHECK(doc.pos(k) == Pos::None);
}

TEST_CASE("garbled.fragment tags only the sentences its tag-free tests leave, and their neighbours", "[garbled][tagger]") {
  const RecordingTagger tagger;
  // The sentence that opens a paragraph, a question, a short line, a contraction's clause
  // and a long sentence with a comma after its opening are never fragments.
  CHECK(run_rule("garbled.fragment",
                 "Talks resumed on Monday.\n\nThe monument was unveiled on Sunday. Will it last? That's the question. "
                 "After years of delay and many disputes over its cost, the city opened the new bridge to traffic. "
                 "The workers who had waited outside the factory gates since dawn for news of the talks, and their "
                 "families.\n\nNot so.",
                 tagger)
            .empty());
  CHECK(tagger.asked.empty());
  const std::string text =
      "Talks resumed on Monday.\n\nThe monument was unveiled on Sunday. In the hearts of the Cambodian people.\n\n"
      "Will it last?";
  const auto found = run_rule("garbled.fragment", text, tagger);
  REQUIRE(found.size() == 1);
  CHECK(test::covered(text, found[0]) == "In the hearts of the Cambodian people.");
  // The fragment, and the sentences either side of it to tell it from a parallel.
  CHECK(tagger.asked == std::multiset<std::string>{"In", "The", "Will"});
}

TEST_CASE("garbled.collapsed-clause tags a sentence only to read the verb between two names", "[garbled][tagger]") {
  const RecordingTagger tagger;
  CHECK(run_rule("garbled.collapsed-clause", "Talks between Russia and Ukraine ended. The envoys met in Geneva.", tagger)
            .empty());
  CHECK(tagger.asked.empty());
  // "Russia and Russia" needs no tags; "China would never allow China" does.
  const std::string text =
      "Talks between Russia and Russia ended. Officials said that China would never allow China to join.";
  const auto found = run_rule("garbled.collapsed-clause", text, tagger);
  REQUIRE(found.size() == 2);
  CHECK(test::covered(text, found[0]) == "Russia and Russia");
  CHECK(test::covered(text, found[1]) == "China would never allow China");
  CHECK(tagger.asked == std::multiset<std::string>{"Officials"});
}

TEST_CASE("repetition.echo tags a sentence only where a rare word repeats", "[repetition][tagger]") {
  const RecordingTagger tagger;
  CHECK(run_rule("repetition.echo", "The mayor spoke to reporters on Monday. Officials declined to comment.", tagger)
            .empty());
  CHECK(tagger.asked.empty());
  const std::string text =
      "The mayor spoke to reporters on Monday. Regulators fined a refinery after its refinery leaked. "
      "Wireless devices and wireless networks failed.";
  const auto found = run_rule("repetition.echo", text, tagger);
  REQUIRE(found.size() == 1);
  CHECK(test::covered(text, found[0]) == "refinery");
  // The compound noun is told apart by its tags, and stays quiet.
  CHECK(tagger.asked == std::multiset<std::string>{"Regulators", "Wireless"});
}
