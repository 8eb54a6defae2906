// The lexicon built from word lists, compiled to a file and mapped back: the same answers,
// and a damaged or foreign file refused with its name.
#include <catch2/catch.hpp>

#include <filesystem>

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
}
