// The compiled word forms stand for Hunspell: a Speller that answers from them gives
// Hunspell's verdict on every word, opening Hunspell only for what they cannot decide;
// forms made from other dictionaries are not used, and a damaged file is refused.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>

#include "document/document.hpp"
#include "e2e/run.hpp"
#include "source/source.hpp"
#include "spell/speller.hpp"
#include "spell/word_forms.hpp"

using namespace copydesk;
namespace fs = std::filesystem;

namespace {

// The files a run loads for the language: the system dictionary, then the shipped lists.
std::vector<std::string> dictionary_files(const std::string& language) {
  const auto [aff, dic] = system_dictionary(language);
  std::vector<std::string> files{aff, dic}, lists;
  for (const auto& entry : fs::directory_iterator(fs::path(COPYDESK_SOURCE_DIR) / "dictionaries"))
    if (entry.path().extension() == ".dic") lists.push_back(entry.path().string());
  std::sort(lists.begin(), lists.end());
  files.insert(files.end(), lists.begin(), lists.end());
  return files;
}

// Words of every kind: every 32nd entry of Debian's largest American and British word
// lists (names, possessives, accented and rare words) and the words of the project's
// own prose as a Document splits them; each in the casings a text gives words and with
// slips of the keys: the spellings Hunspell accepts and many it does not.
std::set<std::string> words_to_try() {
  std::set<std::string> words;
  for (const char* list : {"/usr/share/dict/american-english-insane", "/usr/share/dict/british-english-insane"}) {
    std::ifstream in(list);
    std::size_t line = 0;
    for (std::string w; std::getline(in, w);)
      if (++line % 32 == 0) words.insert(w);
  }
  const fs::path root = COPYDESK_SOURCE_DIR;
  for (const fs::path& file : {root / "README.md", root / "ARCHITECTURE.md", root / "examples" / "article.txt"}) {
    std::ifstream in(file);
    std::ostringstream text;
    text << in.rdbuf();
    const Source source(file.string(), text.str());
    const Document doc(source, nullptr, nullptr);
    for (const Token& t : doc.tokens())
      if (t.kind == TokenKind::Word) words.insert(std::string(t.text));
  }
  std::vector<std::string> variants;
  std::size_t n = 0;
  for (const std::string& w : words) {
    // ASCII casing and byte slips: what they do to a letter beyond ASCII is a misspelling too.
    std::string upper = w, lower = w, slip = w, dropped = w;
    std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return std::toupper(c); });
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    variants.push_back(upper);
    variants.push_back(lower);
    if (w.size() > 2) {
      std::swap(slip[1], slip[2]);
      dropped.erase(++n % w.size(), 1);
      variants.push_back(slip);
      variants.push_back(dropped);
      variants.push_back(w + "s");
      variants.push_back(w + "’s");
    }
  }
  // Words joined by a hyphen, with the dictionaries' own ("e-mail") and words in other scripts.
  std::string previous = "well";
  for (const std::string& w : words)
    if (++n % 7 == 0) {
      variants.push_back(previous + "-" + w);
      previous = w;
    }
  for (const char* w : {"e-mail", "E-mail", "E-MAIL", "x-ray", "T-shirt", "pre-existing", "Pre-Existing", "PRE-EXISTING",
                        "mother-in-law", "-ish", "ish-", "Hawai‘i", "Ελλάδα", "Москва", "שלום", "北京", "naïve", "café"})
    variants.push_back(w);
  words.insert(variants.begin(), variants.end());
  // Words with digits, which the digit dictionary decides.
  for (int i = 0; i <= 1200; ++i)
    for (const char* ending : {"st", "nd", "rd", "th", "TH", "s", "'s"}) words.insert(std::to_string(i) + ending);
  for (const char* w : {"G7", "CO2", "1990s", "4x4", "3D", "FY2013", "Mars2020", "1080p", "A4", "B12", "3DES"})
    words.insert(w);
  return words;
}

}  // namespace

TEST_CASE("a Speller answering from the compiled word forms gives Hunspell's verdict on every word", "[spelling]") {
  const std::set<std::string> words = words_to_try();
  for (const std::string language : {"en_US", "en_GB"}) {
    INFO(language);
    const std::vector<std::string> files = dictionary_files(language);
    const auto forms = WordForms::matching(COPYDESK_SOURCE_DIR, language, files);
    REQUIRE(forms != nullptr);
    const std::vector<std::string> lists(files.begin() + 2, files.end());
    const Speller hunspell(files[0], files[1], lists);
    const Speller compiled(files[0], files[1], lists, forms);
    std::size_t decided = 0, accepted = 0;
    for (const std::string& w : words) {
      INFO(w);
      CHECK(compiled.known(w) == hunspell.known(w));
      decided += forms->accepts(w).has_value();
      accepted += hunspell.known(w);
    }
    CHECK(decided > words.size() * 8 / 10);
    CHECK(accepted > words.size() / 10);  // many of them are words
    CHECK(accepted < words.size() / 2);  // and many are not
  }
}

TEST_CASE("a newsroom's own word lists are read beside the compiled forms, with Hunspell's verdict", "[spelling]") {
  const e2e::Scratch s;
  // A plain list and a Hunspell .dic whose roots take the system dictionary's affixes.
  e2e::write(s.dir / "names.txt", "Blinken\nZelenskyy\niPhone\ncovid\nKyiv\nG20\nNord-Stream\n");
  e2e::write(s.dir / "terms.dic", "3\nBlingen/M\nvaxx/SDG\nreshore/DSG\n");
  const std::vector<std::string> own{(s.dir / "names.txt").string(), (s.dir / "terms.dic").string()};
  std::set<std::string> words = words_to_try();
  for (const std::string base : {"Blinken", "Zelenskyy", "iPhone", "covid", "Kyiv", "G20", "Blingen", "vaxx", "reshore"})
    for (const std::string& w : {base, base + "’s", base + "'s", base + "s", base + "ed", base + "ing", base + "-led",
                                 "pro-" + base, base + "-" + base, "anti-" + base + "-war", base + "x"}) {
      std::string upper = w, lower = w;
      std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return std::toupper(c); });
      std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
      words.insert({w, upper, lower});
    }
  for (const std::string language : {"en_US", "en_GB"}) {
    INFO(language);
    const std::vector<std::string> shipped = dictionary_files(language);
    const auto forms = WordForms::matching(COPYDESK_SOURCE_DIR, language, shipped);
    REQUIRE(forms != nullptr);
    std::vector<std::string> lists(shipped.begin() + 2, shipped.end());
    lists.insert(lists.end(), own.begin(), own.end());
    const Speller hunspell(shipped[0], shipped[1], lists);
    const Speller compiled(shipped[0], shipped[1], lists, forms);
    for (const std::string& w : words) {
      INFO(w);
      CHECK(compiled.known(w) == hunspell.known(w));
    }
    // The own lists' words are found, and the whole Hunspell was needed only for what the
    // forms leave to it, never for a word of the lists.
    const Speller fresh(shipped[0], shipped[1], lists, forms);
    for (const char* w : {"Blinken", "BLINKEN", "Blingen’s", "Blingen's", "vaxxed", "Reshoring", "Blinken-led", "G20",
                          "Nord-Stream", "KYIV"}) {
      INFO(w);
      CHECK(fresh.known(w));
    }
    for (const char* w : {"blinken", "Blinkin", "vaxxs", "Blinken-lde", "iphone"}) {
      INFO(w);
      CHECK_FALSE(fresh.known(w));
    }
    CHECK_FALSE(fresh.hunspell_opened());
  }
}

TEST_CASE("the word forms decide words as Hunspell cases and converts them", "[spelling]") {
  const std::vector<std::string> files = dictionary_files("en_US");
  const auto forms = WordForms::matching(COPYDESK_SOURCE_DIR, "en_US", files);
  REQUIRE(forms != nullptr);
  const std::optional<bool> unknown;  // left to Hunspell
  const std::vector<std::pair<std::string, std::optional<bool>>> cases = {
      // A name takes its capitals and all capitals, not lower case.
      {"Paris", true}, {"PARIS", true}, {"paris", false},
      // A common word takes a capital and all capitals, not capitals inside.
      {"House", true}, {"HOUSE", true}, {"hOuse", false},
      // The curly apostrophe is read as the straight one.
      {"didn’t", true}, {"DIDN’T", true},
      // One hyphen: as the dictionary has it, else both sides ("pre" is no word of it).
      {"e-mail", true}, {"well-known", true}, {"WELL-KNOWN", true}, {"well-knwon", false}, {"pre-existing", false},
      // A mark without case that no form has.
      {"Hawai‘i", false},
      // What the forms cannot decide: two hyphens, a digit, Greek letters, a final dot, length.
      {"mother-in-law", unknown}, {"21st", unknown}, {"Ελλάδα", unknown}, {"etc.", unknown},
      {std::string(120, 'a'), unknown}};
  for (const auto& [word, verdict] : cases) {
    INFO(word);
    CHECK(forms->accepts(word) == verdict);
  }
  CHECK(WordForms::for_digit_dictionary("21st"));
  CHECK_FALSE(WordForms::for_digit_dictionary("COVID-19"));
}

TEST_CASE("word forms made from other dictionaries or other contents are not used", "[spelling]") {
  std::vector<std::string> files = dictionary_files("en_US");
  CHECK(WordForms::matching(COPYDESK_SOURCE_DIR, "en_US", files) != nullptr);
  CHECK(WordForms::matching(COPYDESK_SOURCE_DIR, "en_GB", files) == nullptr);  // the British forms
  const e2e::Scratch s;
  e2e::write(s.dir / "ours.txt", "Zyxwv\n");
  auto more = files;
  more.push_back((s.dir / "ours.txt").string());
  CHECK(WordForms::matching(COPYDESK_SOURCE_DIR, "en_US", more) == nullptr);
  // The same name, another content.
  auto edited = files;
  fs::copy_file(files.back(), s.dir / "edited.dic");
  std::ofstream(s.dir / "edited.dic", std::ios::app) << "Zyxwv\n";
  edited.back() = (s.dir / "edited.dic").string();
  CHECK(WordForms::matching(COPYDESK_SOURCE_DIR, "en_US", edited) == nullptr);
}

TEST_CASE("a damaged or foreign word forms file is refused, naming it", "[spelling]") {
  const e2e::Scratch s;
  e2e::write(s.dir / "words.dic", "2\nalpha\nbeta/S\n");
  e2e::write(s.dir / "test.aff", "SET UTF-8\nSFX S Y 1\nSFX S 0 s .\n");
  const std::vector<std::string> files{(s.dir / "test.aff").string(), (s.dir / "words.dic").string()};
  const auto compiled = WordForms::compile(files, {"alpha", "beta", "betas"}, [](const std::string& w) {
    return w == "alpha" || w == "Alpha" || w == "ALPHA" || w == "beta" || w == "betas";
  });
  e2e::write(s.dir / "forms.bin", compiled.forms);
  e2e::write(WordForms::digit_dictionary_path(s.dir / "forms.bin"), compiled.digit_dictionary);
  const WordForms forms(s.dir / "forms.bin");
  CHECK(forms.made_from(files));
  CHECK(forms.accepts("ALPHA") == true);
  CHECK(forms.accepts("Betas") == false);  // Hunspell said no
  CHECK(forms.accepts("gamma") == false);

  for (std::size_t cut = 1; cut <= 24; ++cut) {
    INFO(cut << " bytes cut");
    e2e::write(s.dir / "cut.bin", compiled.forms.substr(0, compiled.forms.size() - cut));
    CHECK_THROWS_WITH(WordForms(s.dir / "cut.bin"), Catch::Contains("cut.bin") && Catch::Contains("truncated"));
  }
  e2e::write(s.dir / "foreign.bin", "not word forms at all");
  CHECK_THROWS_WITH(WordForms(s.dir / "foreign.bin"), Catch::Contains("is not a compiled word forms file"));
}

TEST_CASE("word forms are not compiled for affix options they cannot stand for", "[spelling]") {
  const e2e::Scratch s;
  e2e::write(s.dir / "words.dic", "1\nalpha\n");
  const auto refused = [&](const std::string& aff) {
    e2e::write(s.dir / "test.aff", aff);
    const std::vector<std::string> files{(s.dir / "test.aff").string(), (s.dir / "words.dic").string()};
    return WordForms::compile(files, {"alpha"}, [](const std::string&) { return true; });
  };
  CHECK_THROWS_WITH(refused("SET UTF-8\nFLAG long\n"), Catch::Contains("test.aff:2") && Catch::Contains("FLAG"));
  CHECK_THROWS_WITH(refused("SFX S Y 1\nSFX S 0 s/T .\n"), Catch::Contains("twofold"));
  CHECK_THROWS_WITH(refused("SFX S Y 1\nSFX S 0 2 .\n"), Catch::Contains("adds a digit"));
  // A word without digits that makes compounds: the forms would miss its compounds.
  e2e::write(s.dir / "words.dic", "1\nalpha/X\n");
  CHECK_THROWS_WITH(refused("COMPOUNDFLAG X\n"), Catch::Contains("makes compounds"));
}
