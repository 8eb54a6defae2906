// The tagger's word cache: the tags it gives are those of features computed afresh for every
// word (SentenceFeatures, as training sees them), whatever it keeps or forgets, and it keeps
// no more words than it is given room for.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "base/pos.hpp"
#include "tagger/features.hpp"
#include "tagger/perceptron.hpp"
#include "tagger/tagger.hpp"
#include "tagger/word_cache.hpp"

namespace {

using copydesk::Pos;
using copydesk::tagger::FeatureKey;
using copydesk::tagger::PerceptronModel;
using copydesk::tagger::WordCache;

const PerceptronModel& model() {
  static const PerceptronModel read =
      PerceptronModel::read(std::filesystem::path(COPYDESK_SOURCE_DIR) / "models" / "en-pos.model");
  return read;
}

// Tags with features computed afresh for each word of each sentence.
std::vector<Pos> tag_afresh(const std::vector<std::string_view>& words) {
  const copydesk::tagger::SentenceFeatures sentence(words, model().lexicon());
  std::vector<Pos> tags;
  std::vector<FeatureKey> features;
  Pos previous = Pos::None, before_previous = Pos::None;
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::optional<Pos> tag = model().dictionary_tag(copydesk::tagger::word_key(words[i]));
    if (!tag) {
      features.clear();
      sentence.collect(i, previous, before_previous, features);
      tag = model().best_tag(features);
    }
    tags.push_back(*tag);
    before_previous = previous;
    previous = *tag;
  }
  return tags;
}

// The example article's sentences (tokens split at spaces, a sentence ending at a token that
// ends in a full stop), each also in capitals and in lowercase (the other casings of a
// sentence), and some made-up words, compounds, numbers and a very long sentence.
std::vector<std::vector<std::string>> sentences() {
  std::ifstream in(std::filesystem::path(COPYDESK_SOURCE_DIR) / "examples" / "article.txt");
  std::vector<std::vector<std::string>> all(1);
  for (std::string token; in >> token;) {
    all.back().push_back(token);
    if (token.back() == '.') all.emplace_back();
  }
  all.push_back({"Xerthonix", "'s", "well-known", "São", "Paulo-based", "unit", "grew", "12.5", "%", "in", "2023", "."});
  all.push_back({"Yesterday"});
  // A very long sentence: the article's first 300 words with no full stop between.
  std::vector<std::string> run;
  for (const std::vector<std::string>& sentence : all)
    for (const std::string& token : sentence)
      if (run.size() < 300 && token != ".") run.push_back(token);
  all.push_back(run);
  // Words with no letters, met again below in sentences of every casing (their sums of
  // leading features, kept per casing, must follow it).
  all.push_back({"12.5", "%", "of", "2,400", "-", "up", "from", "9", "%", "."});
  all.push_back({});
  const std::size_t plain = all.size();
  for (std::size_t s = 0; s < plain; ++s) {
    for (auto change : {::toupper, ::tolower}) {
      std::vector<std::string> changed = all[s];
      for (std::string& token : changed)
        std::transform(token.begin(), token.end(), token.begin(), [&](unsigned char c) { return static_cast<char>(change(c)); });
      all.push_back(changed);
    }
  }
  return all;
}

std::vector<std::string_view> views(const std::vector<std::string>& tokens) { return {tokens.begin(), tokens.end()}; }

}  // namespace

TEST_CASE("the word cache tags as features computed afresh, kept or forgotten", "[tagger]") {
  const std::vector<std::vector<std::string>> text = sentences();
  REQUIRE(text.size() > 20);
  // Room for the whole text; for a few sentences' words, forgotten again and again; for
  // fewer words than one sentence has.
  for (std::size_t capacity : {std::size_t{1} << 14, std::size_t{40}, std::size_t{3}}) {
    CAPTURE(capacity);
    WordCache cache(model(), capacity);
    std::vector<Pos> tags;
    // Twice: the second time, the words are met again.
    for (int pass = 0; pass < 2; ++pass) {
      for (const std::vector<std::string>& sentence : text) {
        const std::vector<std::string_view> words = views(sentence);
        cache.tag(words, tags);
        CHECK(tags == tag_afresh(words));
        CHECK(cache.size() <= std::max(capacity, words.size()));
      }
    }
  }
}

TEST_CASE("the word cache keeps a word once and at most as many words as it has room for", "[tagger]") {
  WordCache cache(model(), 4);
  cache.make_room(3);
  const std::uint32_t the = cache.find_or_add("the");
  CHECK(cache.find_or_add("the") == the);
  CHECK(cache.find_or_add("The") != the);  // words as written
  CHECK(cache[the].forms.text == "the");
  CHECK(cache.size() == 2);
  SECTION("room for more: nothing forgotten") {
    cache.make_room(2);
    CHECK(cache.size() == 2);
    CHECK(cache.find_or_add("the") == the);
  }
  SECTION("no room: everything forgotten, and what comes next is right") {
    cache.make_room(3);
    CHECK(cache.size() == 0);
    const std::uint32_t said = cache.find_or_add("said");
    CHECK(cache[said].forms.text == "said");
    CHECK(cache[said].dictionary_tag == model().dictionary_tag(copydesk::tagger::word_key("said")));
    CHECK(cache.size() == 1);
  }
  SECTION("a sentence longer than the room: each of its words kept until the next") {
    cache.make_room(6);
    std::set<std::uint32_t> indexes;
    for (std::string_view w : {"one", "two", "three", "four", "five", "six"}) {
      const std::uint32_t index = cache.find_or_add(w);
      CHECK(cache[index].forms.text == w);
      indexes.insert(index);
    }
    CHECK(indexes.size() == 6);
    cache.make_room(1);
    CHECK(cache.size() == 0);
  }
}

TEST_CASE("the word cache keeps a word's rows as the model gives them", "[tagger]") {
  WordCache cache(model(), 16);
  for (std::string_view w : {"reshuffle", "Kremlin", "well-known", "2023", "."}) {
    CAPTURE(w);
    const WordCache::Entry& entry = cache[cache.find_or_add(w)];
    copydesk::tagger::WordItems<FeatureKey> keys;
    copydesk::tagger::word_keys(entry.forms, keys);
    copydesk::tagger::WordItems<PerceptronModel::Row> rows;
    model().rows(keys, rows);
    CHECK(entry.rows == rows);
    // Every word has a bias and a shape, which every model weighs.
    CHECK(entry.rows[static_cast<std::size_t>(copydesk::tagger::WordFeature::Bias)] != 0);
  }
}

TEST_CASE("one tagger shared by threads, and taggers taking turns on one thread, tag alike", "[tagger]") {
  const std::vector<std::vector<std::string>> text = sentences();
  const std::unique_ptr<copydesk::Tagger> compiled = copydesk::Tagger::shipped(COPYDESK_SOURCE_DIR);
  const std::unique_ptr<copydesk::Tagger> loaded =
      copydesk::Tagger::load(std::filesystem::path(COPYDESK_SOURCE_DIR) / "models" / "en-pos.model");
  std::vector<std::vector<Pos>> expected;
  for (const auto& sentence : text) expected.push_back(tag_afresh(views(sentence)));

  auto tag_all = [&](const copydesk::Tagger& tagger, std::size_t& mismatches) {
    std::vector<Pos> tags;
    for (int pass = 0; pass < 3; ++pass) {
      for (std::size_t s = 0; s < text.size(); ++s) {
        tagger.tag(views(text[s]), tags);
        mismatches += tags != expected[s];
      }
    }
  };
  std::size_t first = 0, second = 0;
  std::thread one([&] { tag_all(*compiled, first); });
  std::thread two([&] { tag_all(*compiled, second); });
  one.join();
  two.join();
  CHECK(first == 0);
  CHECK(second == 0);

  std::vector<Pos> tags;
  std::size_t turns = 0;
  for (std::size_t s = 0; s < text.size(); ++s) {
    const copydesk::Tagger& tagger = s % 2 ? *compiled : *loaded;
    tagger.tag(views(text[s]), tags);
    turns += tags != expected[s];
  }
  CHECK(turns == 0);
}
