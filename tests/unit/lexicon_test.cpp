// The lexicon built from word lists, compiled to a file and mapped back: the same answers,
// and a damaged or foreign file refused with its name.
#include <catch2/catch.hpp>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "e2e/run.hpp"
#include "lm/language_model.hpp"
#include "spell/lexicon.hpp"

using namespace copydesk;

using e2e::Scratch;
using e2e::write;

TEST_CASE("a compiled lexicon maps back to the answers of the lists it was built from", "[lexicon]") {
  const Scratch s;
  const auto scratch = [&](const std::string& name) { return s.dir / name; };
  const LanguageModel lm(LanguageModel::system_path());
  write(scratch("american"), "color\ncolors\nharbor\nthe\nprogram\nZurich\n");
  write(scratch("british"), "colour\ncolours\nharbour\nthe\nprogramme\nprogram\n");
  const Lexicon built({{scratch("american").string(), kAmerican}, {scratch("british").string(), kBritish}}, &lm);
  write(scratch("lexicon.bin"), built.compiled());
  const Lexicon mapped(scratch("lexicon.bin"));

  CHECK(mapped.size() == built.size());
  CHECK(mapped.size() == 9);  // lower-case words only
  for (const char* word : {"color", "colour", "the", "program", "programme", "zurich", "harbour"}) {
    INFO(word);
    CHECK(mapped.varieties(word) == built.varieties(word));
    CHECK(mapped.marks_variety(word) == built.marks_variety(word));
    CHECK(mapped.log_frequency(word, -99) == built.log_frequency(word, -99));
  }
  CHECK(mapped.varieties("the") == (kAmerican | kBritish));
  CHECK(mapped.varieties("zurich") == 0);
  CHECK(mapped.marks_variety("colour") == kBritish);
  CHECK(mapped.marks_variety("the") == 0);
  const auto near = mapped.near("colr", 1);
  REQUIRE(near.size() == 1);
  CHECK(near[0].word == "color");
  CHECK(near.size() == built.near("colr", 1).size());
}

TEST_CASE("a damaged or foreign lexicon file is refused, naming it", "[lexicon]") {
  const Scratch s;
  const auto scratch = [&](const std::string& name) { return s.dir / name; };
  const LanguageModel lm(LanguageModel::system_path());
  write(scratch("words"), "alpha\nbeta\ngamma\n");
  const Lexicon built({{scratch("words").string(), kAmerican}}, &lm);
  const std::string bytes = built.compiled();

  // Cut anywhere, in a table or in the padding after it.
  for (std::size_t cut = 1; cut <= 24; ++cut) {
    INFO(cut << " bytes cut");
    write(scratch("cut.bin"), bytes.substr(0, bytes.size() - cut));
    CHECK_THROWS_WITH(Lexicon(scratch("cut.bin")), Catch::Contains("cut.bin") && Catch::Contains("truncated"));
  }
  write(scratch("foreign.bin"), "not a lexicon at all");
  CHECK_THROWS_WITH(Lexicon(scratch("foreign.bin")), Catch::Contains("is not a compiled lexicon"));
  CHECK_THROWS_WITH(Lexicon(scratch("missing.bin")), Catch::Contains("is not a compiled lexicon"));
  // One left by an older copydesk names the version wanted and what to do.
  write(scratch("old.bin"), "CDLEX002" + bytes.substr(8));
  CHECK_THROWS_WITH(Lexicon(scratch("old.bin")), Catch::Contains("old.bin") && Catch::Contains("CDLEX003") &&
                                                     Catch::Contains("rebuild"));
}

TEST_CASE("a word's variety mark, read from the table of marked words, is what its lists and near words make it",
          "[lexicon]") {
  const LanguageModel lm(LanguageModel::system_path());
  const auto lexicon = Lexicon::system(COPYDESK_BUILD_DIR, &lm);
  // The mark as Lexicon defines it, from its public answers: one variety's list only, with
  // a spelling of the other within two edits, and "-ize" no American mark when British
  // lists "-ise".
  const auto defined_mark = [&](const std::string& w) -> std::uint8_t {
    const std::uint8_t v = lexicon->varieties(w);
    if (v != kAmerican && v != kBritish) return 0;
    if (v == kAmerican)
      for (std::size_t p = w.find("iz"); p != std::string::npos; p = w.find("iz", p + 1)) {
        std::string british = w;
        british[p + 1] = 's';
        if (lexicon->varieties(british) == kBritish) return 0;
      }
    for (const Lexicon::Near& n : lexicon->near(w, 2))
      if (n.varieties == (v ^ (kAmerican | kBritish))) return v;
    return 0;
  };
  std::vector<std::string> words{"colour", "color", "programme", "program", "centre", "center", "organise",
                                 "organize", "travelled", "traveled", "the", "harbour", "café", "cafe",
                                 "Colour", "COLOR", "naïve", "zürich", "colourr", ""};
  for (const char* doc : {"examples/article.txt", "README.md"}) {
    std::ifstream in(std::filesystem::path(COPYDESK_SOURCE_DIR) / doc);
    for (std::string w; in >> w;) {
      std::string lower;
      for (const char c : w)
        if (std::isalpha(static_cast<unsigned char>(c))) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      words.push_back(lower);
    }
  }
  REQUIRE(words.size() > 5000);
  std::size_t marked = 0;
  for (const std::string& w : words) {
    INFO(w);
    CHECK(lexicon->marks_variety(w) == defined_mark(w));
    marked += lexicon->marks_variety(w) != 0;
  }
  CHECK(marked >= 6);
  CHECK(lexicon->marks_variety("colour") == kBritish);
  CHECK(lexicon->marks_variety("color") == kAmerican);
  CHECK(lexicon->marks_variety("organize") == 0);  // Oxford spelling
}
