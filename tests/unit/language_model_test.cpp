// The language model wrapper and the fluency it gives sentences.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include <sphinxbase/err.h>
#include <sphinxbase/logmath.h>
#include <sphinxbase/ngram_model.h>

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
  const copydesk::DocumentWords words(doc);
  return copydesk::FluencyScorer(model(), nullptr, words, 3).score(doc, doc.sentences().at(0));
}

// Two scorings of one sentence agree in every score (not its place, which a document moves).
void check_same_fluency(const copydesk::Fluency& a, const copydesk::Fluency& b) {
  CHECK(a.scored == b.scored);
  CHECK(a.words == b.words);
  CHECK(a.unknown == b.unknown);
  CHECK(a.slor == b.slor);
  CHECK(a.worst_window == b.worst_window);
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

namespace sphinx {

// The reference: sphinxbase reading the same file and scoring with its own code.
struct Reference {
  logmath_t* logmath = logmath_init(1.0001, 0, 0);
  ngram_model_t* model = nullptr;
  Reference() {
    err_set_logfp(nullptr);
    model = ngram_model_read(nullptr, LanguageModel::system_path().c_str(), NGRAM_AUTO, logmath);
  }
  ~Reference() {
    ngram_model_free(model);
    logmath_free(logmath);
  }
  std::int32_t id(const std::string& w) const {
    const std::int32_t id = ngram_wid(model, w.c_str());
    return id == ngram_unknown_wid(model) ? LanguageModel::kNone : id;
  }
  // log10 P(w | h0, h1), most recent first; a history word of -1 ends the history.
  LanguageModel::Score score(std::int32_t w, std::int32_t h0, std::int32_t h1) const {
    std::int32_t history[2] = {h0, h1};
    std::int32_t used = 0;
    const std::int32_t logp = ngram_ng_prob(model, w, history, h0 < 0 ? 0 : h1 < 0 ? 1 : 2, &used);
    return {logmath_log_to_log10(logmath, logp), used};
  }
};

}  // namespace sphinx

TEST_CASE("the mapped model knows the words sphinxbase knows, by the same ids", "[lm]") {
  const sphinx::Reference reference;
  REQUIRE(reference.model != nullptr);
  const std::int32_t words = ngram_model_get_counts(reference.model)[0];
  for (std::int32_t id = 0; id < words; ++id) {
    const std::string word = ngram_word(reference.model, id);
    INFO(word);
    if (word == "<s>" || word == "</s>")
      REQUIRE(model().id(word) == LanguageModel::kNone);
    else
      REQUIRE(model().id(word) == id);
    // The unigram, as the float it always was, and the word after the sentence start.
    REQUIRE(model().unigram(id) == static_cast<float>(reference.score(id, -1, -1).logp));
    const auto opening = model().score_run({id}, true).at(0);
    const auto expected = reference.score(id, reference.id("<s>"), -1);
    REQUIRE(opening.logp == expected.logp);
    REQUIRE(opening.order == expected.order);
  }
  for (const char* unknown : {"Government", "qzxvbrt", "", "the ", "<unk>", "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"}) {
    INFO(unknown);
    CHECK(model().id(unknown) == LanguageModel::kNone);
  }
}

TEST_CASE("the mapped model scores every word after every history as sphinxbase does, to the bit", "[lm]") {
  const sphinx::Reference reference;
  REQUIRE(reference.model != nullptr);
  // Runs of words as prose has them, where most word pairs and many triples are in the
  // model, and runs drawn at random, where nearly every word backs off.
  std::vector<std::vector<std::int32_t>> runs;
  for (const char* doc : {"README.md", "ARCHITECTURE.md", "examples/article.txt"}) {
    std::ifstream in(std::filesystem::path(COPYDESK_SOURCE_DIR) / doc);
    std::string line;
    while (std::getline(in, line)) {
      std::vector<std::int32_t> run;
      std::string word;
      for (const char c : line + " ") {
        if (std::isalpha(static_cast<unsigned char>(c)) || c == '\'') {
          word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
          continue;
        }
        if (word.empty()) continue;
        if (const std::int32_t id = model().id(word); id != LanguageModel::kNone) run.push_back(id);
        word.clear();
      }
      if (run.size() > 1) runs.push_back(std::move(run));
    }
  }
  std::mt19937 random(11);
  const std::int32_t words = ngram_model_get_counts(reference.model)[0];
  std::uniform_int_distribution<std::int32_t> any(0, words - 1);
  for (int i = 0; i < 20000; ++i) {
    std::vector<std::int32_t> run;
    for (int j = 0; j < 8; ++j)
      if (const std::int32_t id = any(random); model().id(ngram_word(reference.model, id)) != LanguageModel::kNone)
        run.push_back(id);
    // Now and then a word the model does not know, which leaves the next word no history.
    if (i % 3 == 0) run.insert(run.begin() + i % static_cast<int>(run.size() + 1), LanguageModel::kNone);
    runs.push_back(std::move(run));
  }
  std::size_t scored = 0, by_order[4] = {};  // order 0: a word the model does not know
  for (const auto& run : runs)
    for (const bool opens : {true, false}) {
      const auto scores = model().score_run(run, opens);
      REQUIRE(scores.size() == run.size());
      std::int32_t h0 = opens ? reference.id("<s>") : -1, h1 = -1;
      for (std::size_t i = 0; i < run.size(); ++i) {
        const auto expected = reference.score(run[i], h0, h1);
        INFO(run[i] << " after " << h0 << " " << h1);
        REQUIRE(scores[i].logp == expected.logp);
        REQUIRE(scores[i].order == expected.order);
        ++scored;
        ++by_order[scores[i].order];
        h1 = h0;
        h0 = run[i];
      }
    }
  CHECK(scored > 300000);
  // Each way of scoring was taken many times: the word alone, after one word, after two.
  CHECK(by_order[1] > 10000);
  CHECK(by_order[2] > 10000);
  CHECK(by_order[3] > 1000);
  CHECK(by_order[0] > 5000);
}

TEST_CASE("scoring a run into a caller's buffer gives the scores of a fresh vector and nothing left from before", "[lm]") {
  const auto id = [](const char* w) { return model().id(w); };
  const std::vector<std::int32_t> run = {id("the"), id("united"), LanguageModel::kNone, id("states"), id("said")};
  std::vector<LanguageModel::Score> buffer;
  model().score_run(std::vector<std::int32_t>{id("a"), id("b"), id("c"), id("d"), id("e"), id("f"), id("g")}, true, buffer);
  REQUIRE(buffer.size() == 7);
  for (const bool opens : {true, false}) {
    const auto fresh = model().score_run(run, opens);
    model().score_run(run, opens, buffer);
    REQUIRE(buffer.size() == run.size());
    for (std::size_t i = 0; i < run.size(); ++i) {
      CHECK(buffer[i].logp == fresh[i].logp);
      CHECK(buffer[i].order == fresh[i].order);
    }
  }
  model().score_run(std::vector<std::int32_t>{}, true, buffer);
  CHECK(buffer.empty());
}

TEST_CASE("fluency gives a sentence the same figures whatever sentence came before it", "[lm]") {
  const std::string sentence = "The minister said on Tuesday that the talks would resume next week.";
  const auto first = fluency_of(sentence);
  // A longer sentence and a salad in between: what they leave in the working buffers
  // must not reach the next sentence.
  fluency_of("Officials from both countries met in the capital for a third round of talks on trade and security "
             "and agreed to meet again before the end of the year.");
  fluency_of("week talks the resume would next minister said.");
  const auto again = fluency_of(sentence);
  check_same_fluency(again, first);
  CHECK(again.worst_begin == first.worst_begin);
  CHECK(again.worst_end == first.worst_end);
  CHECK(first.scored > 5);
}

TEST_CASE("a language model that is missing, not a trie or cut short is an error that names it", "[lm]") {
  const auto dir = std::filesystem::temp_directory_path() / "copydesk-lm-test";
  std::filesystem::create_directories(dir);
  std::ifstream in(LanguageModel::system_path(), std::ios::binary);
  const std::string whole((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto write = [&](const char* name, const std::string& bytes) {
    std::ofstream(dir / name, std::ios::binary) << bytes;
    return dir / name;
  };
  std::string bigram = whole;
  bigram[19] = 2;  // the order, after the magic string
  const std::pair<std::filesystem::path, const char*> cases[] = {
      {dir / "missing.lm.bin", "not found"},
      {write("empty.lm.bin", ""), "is not a language model"},
      {write("arpa.lm", "\\data\\\nngram 1=1\n"), "is not a language model"},
      {write("bigram.lm.bin", bigram), "is not a 3-gram model"},
      {write("header.lm.bin", whole.substr(0, 40)), "is truncated"},
      {write("cut.lm.bin", whole.substr(0, whole.size() / 2)), "is truncated"},
      {write("longer.lm.bin", whole + "x"), "is damaged"},
  };
  for (const auto& [file, message] : cases) {
    INFO(file.filename().string());
    try {
      const LanguageModel lm(file);
      FAIL("read without an error");
    } catch (const std::runtime_error& e) {
      CHECK_THAT(e.what(), Catch::Contains(file.string()) && Catch::Contains(message));
    }
  }
  std::filesystem::remove_all(dir);
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

TEST_CASE("the engine's language model is the one its workers and lexicon get", "[lm]") {
  copydesk::EngineOptions options;
  options.data_dir = COPYDESK_SOURCE_DIR;
  const copydesk::Engine engine(options);
  const copydesk::Engine::Worker worker(engine);
  const LanguageModel* lm = worker.resources().lm;
  REQUIRE(lm != nullptr);
  CHECK(engine.context().language_model == lm);
  CHECK(lm->id("government") == model().id("government"));
  const auto timings = engine.timings();
  CHECK(std::any_of(timings.begin(), timings.end(), [](const auto& t) { return t.first == "language model"; }));
}

TEST_CASE("without the tagging models the engine reads no language model", "[lm]") {
  copydesk::EngineOptions options;
  options.data_dir = COPYDESK_SOURCE_DIR;
  options.tag = false;
  const copydesk::Engine engine(options);
  CHECK(copydesk::Engine::Worker(engine).resources().lm == nullptr);
  CHECK(engine.context().language_model == nullptr);
}

TEST_CASE("fluency looks a key up once per document yet judges each word by its own case", "[lm]") {
  // The same keys written as a name inside a sentence, in capitals and at a sentence's
  // start first: what the scorer keeps of a key must not carry their case to the last
  // sentence, which must score as it does alone.
  const std::string last = "The talks on the café would resume in the city next week.";
  const copydesk::Source source("<test>", "Officials said The Talks Café opened in The City. THE TALKS WOULD RESUME. "
                                          "Café owners said talks would go on. " + last);
  const copydesk::Document doc(source, nullptr, nullptr);
  const copydesk::DocumentWords words(doc);
  copydesk::FluencyScorer scorer(model(), nullptr, words, 3);
  copydesk::Fluency in_document;
  for (const auto& s : doc.sentences()) in_document = scorer.score(doc, s);
  const auto alone = fluency_of(last);
  check_same_fluency(in_document, alone);
  CHECK(alone.scored > 5);
}
