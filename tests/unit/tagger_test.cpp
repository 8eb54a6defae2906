#include <catch2/catch.hpp>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "base/pos.hpp"
#include "tagger/perceptron.hpp"
#include "tagger/tagger.hpp"

namespace {

using copydesk::Pos;
using copydesk::Tagger;

const std::filesystem::path kModel = std::filesystem::path(COPYDESK_SOURCE_DIR) / "models" / "en-pos.model";

const Tagger& shipped_tagger() {
  static const std::unique_ptr<Tagger> tagger = Tagger::load(kModel);
  return *tagger;
}

// Tags a sentence given as space-separated tokens and returns the tag names the same way.
std::string tag_names(const std::string& sentence, const Tagger& tagger = shipped_tagger()) {
  std::istringstream in(sentence);
  const std::vector<std::string> tokens{std::istream_iterator<std::string>(in), std::istream_iterator<std::string>()};
  const std::vector<std::string_view> words(tokens.begin(), tokens.end());
  std::vector<Pos> tags;
  tagger.tag(words, tags);
  std::string names;
  for (Pos t : tags) {
    if (!names.empty()) names += ' ';
    names += copydesk::pos_name(t);
  }
  return names;
}

std::string read_bytes(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A model file in the temporary directory, removed when the test ends.
class ScratchModel {
 public:
  explicit ScratchModel(const std::string& bytes)
      // The process id too: ctest runs test cases as processes side by side.
      : path_(std::filesystem::temp_directory_path() /
              ("copydesk-tagger-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter_++) + ".model")) {
    std::ofstream(path_, std::ios::binary) << bytes;
  }
  ~ScratchModel() { std::filesystem::remove(path_); }
  const std::filesystem::path& path() const { return path_; }

 private:
  static inline int counter_ = 0;
  std::filesystem::path path_;
};

}  // namespace

TEST_CASE("tagger tags news sentences with Penn Treebank tags", "[tagger]") {
  CHECK(tag_names("Blinken said the document was not a formal proposal .") == "NNP VBD DT NN VBD RB DT JJ NN .");
  CHECK(tag_names("The mayor 's office will review the new budget on Tuesday .") ==
        "DT NN POS NN MD VB DT JJ NN IN NNP .");
  CHECK(tag_names("She has been running the newsroom for three years .") == "PRP VBZ VBN VBG DT NN IN CD NNS .");
  CHECK(tag_names("Prices rose sharply in 2023 , officials said .") == "NNS VBD RB IN CD , NNS VBD .");
}

TEST_CASE("tagger tags a varied text as it always has, from the model file and from its compiled form", "[tagger]") {
  // Headlines, lowercase chat, numbers, quotations, hyphens, accents, made-up words, one
  // word alone: the tags the tagger gave before its tables were laid out for speed.
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"BIDEN SIGNS $ 1.2 TRILLION INFRASTRUCTURE BILL INTO LAW", "NNP VBZ $ CD CD NN NN IN NN"},
      {"honestly i dont think the council ever read the report lol", "RB PRP VBP VB DT NN RB VB DT NN UH"},
      {"The well-known São Paulo-based firm posted a 12.5 % rise in third-quarter profit on Oct. 3 , 2023 .",
       "DT JJ NN VBN NN VBD DT CD NN NN IN DT NN IN NNP CD , CD ."},
      {"\" We will not back down , \" Zelenskyy told reporters in Kyiv ( Ukraine ) on Friday .",
       "`` PRP MD RB VB RP , `` NNP VBD NNS IN NNP -LRB- NNP -RRB- IN NNP ."},
      {"Grushko 's naïve reshuffle of the U.S.-backed coalition angered the Kremlin 's spokesmen .",
       "NNP POS NNP NN IN DT JJ NN VBD DT NNP POS NN ."},
      {"Running late , the mayor hurried past the protesters who had gathered outside City Hall since 6 a.m.",
       "VBG RB , DT NN VBD IN DT NNS WP VBD VBN IN NNP NNP IN CD NN"},
      {"Can you send me the 2019 figures by email before noon ?", "MD PRP VB PRP DT CD NNS IN NN IN NN ."},
      {"Shares of Xerthonix Corp. , a little-known maker of widgets , fell 40 percent .",
       "NNS IN NNP NNP , DT JJ NN IN NNS , VBD CD NN ."},
      {"Yesterday", "NN"},
      {"She said that the committee , which meets twice a year , would publish its findings later .",
       "PRP VBD IN DT NN , WDT VBZ RB DT NN , MD VB PRP$ NNS RBR ."},
      {"The flimflammery of the gobbledygook baffled everyone who read it .", "DT NN IN DT NN VBN NN WP VBD PRP ."},
      {"He 's been there ; she hasn't .", "PRP VBZ VBN RB , PRP ADD ."},
  };
  const std::unique_ptr<Tagger> compiled = Tagger::shipped(COPYDESK_SOURCE_DIR);
  for (const auto& [sentence, expected] : cases) {
    CAPTURE(sentence);
    CHECK(tag_names(sentence) == expected);
    CHECK(tag_names(sentence, *compiled) == expected);
  }
}

TEST_CASE("tagger gives one tag per word and replaces what the vector held", "[tagger]") {
  std::vector<Pos> tags(5, Pos::XX);
  shipped_tagger().tag({}, tags);
  CHECK(tags.empty());
  shipped_tagger().tag({"Hello"}, tags);
  CHECK(tags.size() == 1);
}

TEST_CASE("tagger refuses a missing model file", "[tagger]") {
  const std::filesystem::path missing = std::filesystem::temp_directory_path() / "copydesk-no-such.model";
  REQUIRE_THROWS_AS(Tagger::load(missing), std::runtime_error);
  REQUIRE_THROWS_WITH(Tagger::load(missing), Catch::Contains("copydesk-no-such.model"));
}

TEST_CASE("tagger refuses a damaged model file", "[tagger]") {
  const std::string model = read_bytes(kModel);
  REQUIRE(model.size() > 1000);

  SECTION("not a model at all") {
    const ScratchModel file("this is not a model\n");
    REQUIRE_THROWS_WITH(Tagger::load(file.path()), Catch::Contains("wrong magic bytes"));
  }
  SECTION("empty") {
    const ScratchModel file("");
    REQUIRE_THROWS_AS(Tagger::load(file.path()), std::runtime_error);
  }
  SECTION("truncated") {
    const ScratchModel file(model.substr(0, model.size() / 2));
    REQUIRE_THROWS_AS(Tagger::load(file.path()), std::runtime_error);
  }
  SECTION("one byte changed") {
    std::string damaged = model;
    damaged[damaged.size() / 2] ^= 0x10;
    const ScratchModel file(damaged);
    REQUIRE_THROWS_WITH(Tagger::load(file.path()), Catch::Contains("checksum"));
  }
}

TEST_CASE("pos_from_name reads back every tag name", "[tagger]") {
  for (std::size_t i = 1; i < static_cast<std::size_t>(Pos::Count); ++i) {
    const auto tag = static_cast<Pos>(i);
    CHECK(copydesk::pos_from_name(copydesk::pos_name(tag)) == tag);
  }
  CHECK_FALSE(copydesk::pos_from_name("_"));
  CHECK_FALSE(copydesk::pos_from_name("NOUN"));
}

namespace {

// Tags with a model loaded from a PerceptronModel, whichever way it was made.
std::vector<Pos> tag_with(const copydesk::tagger::PerceptronModel& model, const std::vector<std::string_view>& words) {
  const copydesk::tagger::SentenceFeatures sentence(words, model.lexicon());
  std::vector<Pos> tags;
  std::vector<copydesk::tagger::FeatureKey> features;
  Pos previous = Pos::None, before_previous = Pos::None;
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::optional<Pos> tag = model.dictionary_tag(copydesk::tagger::word_key(words[i]));
    if (!tag) {
      features.clear();
      sentence.collect(i, previous, before_previous, features);
      tag = model.best_tag(features);
    }
    tags.push_back(*tag);
    before_previous = previous;
    previous = *tag;
  }
  return tags;
}

}  // namespace

TEST_CASE("a compiled tagger model tags as the model file it was made from", "[tagger]") {
  using copydesk::tagger::PerceptronModel;
  const PerceptronModel read = PerceptronModel::read(kModel);
  const ScratchModel compiled(read.compiled());
  const std::uint64_t checksum = PerceptronModel::model_checksum(kModel);
  REQUIRE(checksum != 0);
  const std::optional<PerceptronModel> mapped = PerceptronModel::map(compiled.path(), checksum);
  REQUIRE(mapped.has_value());
  CHECK(mapped->feature_count() == read.feature_count());
  CHECK(mapped->weight_count() == read.weight_count());
  CHECK(mapped->dictionary_size() == read.dictionary_size());
  const std::vector<std::string_view> words = {"Grushko", "'s", "well-known", "reshuffle", "of", "2023", "angered",
                                               "the", "Kremlin", "'s", "spokesmen", "."};
  CHECK(tag_with(*mapped, words) == tag_with(read, words));
  // What Tagger::shipped hands the Document: the compiled form when the build made one.
  std::vector<Pos> shipped;
  Tagger::shipped(COPYDESK_SOURCE_DIR)->tag(words, shipped);
  CHECK(shipped == tag_with(read, words));
}

TEST_CASE("a tagger model written out reads back as the same model", "[tagger]") {
  using copydesk::tagger::PerceptronModel;
  const PerceptronModel read = PerceptronModel::read(kModel);
  const ScratchModel written("");
  read.write(written.path());
  const PerceptronModel again = PerceptronModel::read(written.path());
  CHECK(again.feature_count() == read.feature_count());
  // The zeros a full row holds for the tags it has no weight for are not written.
  CHECK(again.weight_count() == read.weight_count());
  CHECK(again.dictionary_size() == read.dictionary_size());
  const std::vector<std::string_view> words = {"Officials", "said", "the", "well-known", "Xerthonix", "plant", "closed", "."};
  CHECK(tag_with(again, words) == tag_with(read, words));
}

TEST_CASE("tagger refuses a model file whose feature weighs a tag twice", "[tagger]") {
  using copydesk::tagger::PerceptronModel;
  // Its two weights would be added one after the other; a full row holds one, so the model
  // has tags enough for two weights to stay a run of weights.
  std::vector<Pos> tags;
  for (int tag = 1; tag < static_cast<int>(Pos::Count); ++tag) tags.push_back(static_cast<Pos>(tag));
  PerceptronModel model(tags, copydesk::tagger::Lexicon());
  const std::vector<PerceptronModel::Weight> twice = {{Pos::NN, 1.0F}, {Pos::NN, 2.0F}};
  model.add_feature(42, twice);  // write() puts down what it is given
  const ScratchModel file("");
  model.write(file.path());
  REQUIRE_THROWS_WITH(PerceptronModel::read(file.path()), Catch::Contains("a feature weighs a tag twice"));
}

TEST_CASE("a compiled tagger model is not used for another model, and refused when damaged", "[tagger]") {
  using copydesk::tagger::PerceptronModel;
  const ScratchModel compiled(PerceptronModel::read(kModel).compiled());
  const std::uint64_t checksum = PerceptronModel::model_checksum(kModel);
  const std::string bytes = read_bytes(compiled.path());

  SECTION("made from another model: not used") {
    CHECK_FALSE(PerceptronModel::map(compiled.path(), checksum + 1).has_value());
  }
  SECTION("another format version: not used") {
    std::string other = bytes;
    other[8] ^= 0x01;  // the version follows the eight magic bytes
    const ScratchModel file(other);
    CHECK_FALSE(PerceptronModel::map(file.path(), checksum).has_value());
  }
  SECTION("missing or not a compiled model: not used") {
    CHECK_FALSE(PerceptronModel::map(compiled.path().string() + ".missing", checksum).has_value());
    const ScratchModel file("this is not a model\n");
    CHECK_FALSE(PerceptronModel::map(file.path(), checksum).has_value());
  }
  SECTION("truncated: refused") {
    const ScratchModel file(bytes.substr(0, bytes.size() - 8));
    REQUIRE_THROWS_WITH(PerceptronModel::map(file.path(), checksum), Catch::Contains("wrong size"));
  }
}
