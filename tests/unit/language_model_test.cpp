// The language model wrapper and the fluency it gives sentences.
#include <catch2/catch.hpp>

#include <algorithm>
#include <thread>
#include <vector>

#include "checks/garbled/fluency.hpp"
#include "engine/engine.hpp"
#include "document/document.hpp"
#include "lm/language_model.hpp"

using copydesk::LanguageModel;

namespace {

const LanguageModel& model() {
  static const LanguageModel lm(LanguageModel::system_path());
  return lm;
}

copydesk::Fluency fluency_of(const std::string& text) {
  const copydesk::Source source("<test>", text);
  const copydesk::Document doc(source, nullptr, nullptr);
  return copydesk::fluency(doc, doc.sentences().at(0), model(), nullptr, 3);
}

}  // namespace

TEST_CASE("the language model knows common words and nothing of sentence markers or unknown words", "[lm]") {
  CHECK(model().id("the") != LanguageModel::kNone);
  CHECK(model().id("government") != LanguageModel::kNone);
  CHECK(model().id("<s>") == LanguageModel::kNone);
  CHECK(model().id("</s>") == LanguageModel::kNone);
  CHECK(model().id("qzxvbrt") == LanguageModel::kNone);
  CHECK(model().id("") == LanguageModel::kNone);
  CHECK(model().unigram(model().id("the")) > model().unigram(model().id("government")));
}

TEST_CASE("a unigram worked out when first asked for is the model's own, asked from any thread", "[lm]") {
  const LanguageModel fresh(LanguageModel::system_path());  // nothing asked of it yet
  std::vector<std::int32_t> ids;
  for (const char* w : {"the", "government", "said", "zebra", "minister", "of", "quixotic"}) ids.push_back(fresh.id(w));
  for (std::int32_t id = 0; id < 72000; id += 997) ids.push_back(id);
  std::vector<double> forward(ids.size()), backward(ids.size());
  std::thread other([&] {
    for (std::size_t i = ids.size(); i-- > 0;) backward[i] = fresh.unigram(ids[i]);
  });
  for (std::size_t i = 0; i < ids.size(); ++i) forward[i] = fresh.unigram(ids[i]);
  other.join();
  for (std::size_t i = 0; i < ids.size(); ++i) {
    INFO("id " << ids[i]);
    REQUIRE(ids[i] != LanguageModel::kNone);
    // The model's score with no history, kept as a float as it always was.
    const double expected = static_cast<float>(fresh.score_run({ids[i]}, false).at(0).logp);
    CHECK(forward[i] == expected);
    CHECK(backward[i] == expected);
    CHECK(fresh.unigram(ids[i]) == expected);
  }
}

TEST_CASE("a word is likelier after the words that usually precede it", "[lm]") {
  const auto id = [](const char* w) { return model().id(w); };
  const auto fluent = model().score_run({id("the"), id("united"), id("states")}, true);
  const auto shuffled = model().score_run({id("states"), id("the"), id("united")}, true);
  REQUIRE(fluent.size() == 3);
  CHECK(fluent[2].logp > model().unigram(id("states")));  // "states" after "the united"
  CHECK(fluent[2].order == 3);
  CHECK(fluent[0].logp + fluent[1].logp + fluent[2].logp > shuffled[0].logp + shuffled[1].logp + shuffled[2].logp);
}

TEST_CASE("fluency: word salad scores far below the same words in order, and names and numbers break the context",
          "[lm]") {
  const auto fluent = fluency_of("The council approved the budget on Tuesday after a long debate about school funding.");
  const auto salad = fluency_of("Budget the Tuesday council on approved debate long a after funding school about.");
  CHECK(fluent.slor > 0.5);
  CHECK(salad.slor < 0.0);
  const auto named = fluency_of("Frederiksen and Syrskyi met 14 ministers in the old town hall.");
  CHECK(named.words == 10);  // the number is not a word
  CHECK(named.scored == 5);  // after a name or a number a word has no context: "in the old town hall" score
  CHECK(named.unknown == 0);     // names are not unknown words
}

TEST_CASE("the engine's language model, read on a thread of its own, is the one its workers and lexicon get", "[lm]") {
  copydesk::EngineOptions options;
  options.data_dir = COPYDESK_SOURCE_DIR;
  const copydesk::Engine engine(options);
  const copydesk::Engine::Worker worker(engine);
  const LanguageModel* lm = worker.resources().lm;
  REQUIRE(lm != nullptr);
  CHECK(engine.context().language_model() == lm);
  CHECK(lm->id("government") == model().id("government"));
  const auto timings = engine.timings();
  CHECK(std::any_of(timings.begin(), timings.end(), [](const auto& t) { return t.first == "language model (own thread)"; }));

  // A check that builds the lexicon does not wait for the model: lexicon.bin (in the
  // build folder) holds the words' frequencies, which only the plain lists take from it.
  copydesk::LoadContext context;
  context.data_dir = COPYDESK_SOURCE_DIR;
  int asked = 0;
  context.language_model = [&] {
    ++asked;
    return lm;
  };
  CHECK(context.lexicon() != nullptr);
  CHECK(asked == 0);
}

TEST_CASE("without the tagging models the engine reads no language model", "[lm]") {
  copydesk::EngineOptions options;
  options.data_dir = COPYDESK_SOURCE_DIR;
  options.tag = false;
  const copydesk::Engine engine(options);
  CHECK(copydesk::Engine::Worker(engine).resources().lm == nullptr);
  CHECK(engine.context().language_model() == nullptr);
}
