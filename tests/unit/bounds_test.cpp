// The pieces that keep copydesk bounded on any input: findings capped per rule, related
// places capped per finding, controls escaped for terminals, word lists read strictly,
// UTF-16 decoded, and the data-driven kinds sharing one automaton across their rules.
#include <catch2/catch.hpp>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "base/text.hpp"
#include "copydesk/copydesk.hpp"
#include "copydesk/error.hpp"
#include "engine/check.hpp"
#include "source/source.hpp"
#include "spell/word_list.hpp"

using namespace copydesk;
namespace fs = std::filesystem;

namespace {

// A file in this process's scratch folder, removed when the tests end.
fs::path scratch_file(const std::string& name, const std::string& text) {
  static const struct Folder {
    fs::path path = fs::temp_directory_path() / ("copydesk-bounds-" + std::to_string(::getpid()));
    ~Folder() {
      std::error_code ec;
      fs::remove_all(path, ec);
    }
  } folder;
  const fs::path& dir = folder.path;
  fs::create_directories((dir / name).parent_path());
  std::ofstream(dir / name, std::ios::binary) << text;
  return dir / name;
}

// Options for a linter that runs only these rules of a pack, without the tagging models.
Options only_rules(const fs::path& pack, std::vector<std::string> rules) {
  Options options;
  options.data_dir = COPYDESK_SOURCE_DIR;
  options.rule_dirs = {pack};
  options.only = std::move(rules);
  options.models = false;
  return options;
}

std::size_t count_rule(const Result& r, const std::string& rule) {
  std::size_t n = 0;
  for (const auto& d : r.diagnostics) n += d.rule == rule;
  return n;
}

}  // namespace

TEST_CASE("an emitter keeps the first findings of a rule and counts the rest in one", "[bounds]") {
  Rule rule;
  rule.id = "test.rule";
  std::vector<Diagnostic> out;
  Emitter emitter(rule, out, 3, 0);
  for (std::size_t i = 0; i < 7; ++i) emitter.report(i * 10, 2, "finding").related.push_back({0, 1, "there"});
  emitter.finish();
  REQUIRE(out.size() == 4);
  CHECK(out[2].offset == 20);
  CHECK(out[3].offset == 30);  // where the first finding left out was
  CHECK(out[3].message == "…and 4 more findings of this rule in this file, not shown (the first 3 are).");

  // At the cap exactly, nothing is left out and nothing is added.
  std::vector<Diagnostic> exact;
  Emitter at_cap(rule, exact, 3, 0);
  for (std::size_t i = 0; i < 3; ++i) at_cap.report(i, 1, "finding");
  at_cap.finish();
  CHECK(exact.size() == 3);
}

TEST_CASE("an emitter trims a finding's related places and says how many more", "[bounds]") {
  Rule rule;
  rule.id = "test.rule";
  std::vector<Diagnostic> out;
  Emitter emitter(rule, out, 0, 2);
  Diagnostic& many = emitter.report(0, 1, "many");
  for (std::size_t i = 0; i < 5; ++i) many.related.push_back({i, 1, "used here"});
  Diagnostic& two = emitter.report(9, 1, "two");
  for (std::size_t i = 0; i < 2; ++i) two.related.push_back({i, 1, "used here"});
  emitter.finish();
  REQUIRE(out[0].related.size() == 2);
  CHECK(out[0].related[1].message == "used here (and 3 more places like it)");
  REQUIRE(out[1].related.size() == 2);
  CHECK(out[1].related[1].message == "used here");
}

TEST_CASE("controls a terminal obeys are escaped; other text is left alone", "[bounds]") {
  CHECK(escape_controls("\x1b[2J cleared") == "<U+001B>[2J cleared");
  CHECK(escape_controls("abc\xe2\x80\xae" "cba") == "abc<U+202E>cba");       // right-to-left override
  CHECK(escape_controls("next\xc2\x85line") == "next<U+0085>line");           // C1: next line
  CHECK(escape_controls("bell\x07 and\ttab\n") == "bell<U+0007> and<U+0009>tab<U+000A>");
  CHECK(escape_controls("bad \xff byte") == "bad <0xFF> byte");
  // Near misses: typography, accents, other scripts, emoji and joiners are text.
  const std::string text = "Café “quoted” — 東京 العربية 👩‍💻 don’t";
  CHECK(escape_controls(text) == text);
}

TEST_CASE("word lists: Hunspell .dic and plain lists read, bad ones refused with their place", "[bounds]") {
  const WordList dic = read_word_list(scratch_file("house.dic", "2\nVartanian/S\nKyiv\n").string());
  CHECK(dic.hunspell_format);
  CHECK(dic.entries == std::vector<std::string>{"Vartanian/S", "Kyiv"});
  const WordList plain = read_word_list(scratch_file("plain.txt", "\xEF\xBB\xBFVartanian\r\n\n  Kyiv  \n").string());
  CHECK_FALSE(plain.hunspell_format);
  CHECK(plain.entries == std::vector<std::string>{"Vartanian", "Kyiv"});

  CHECK_THROWS_WITH(read_word_list(scratch_file("empty.dic", "0\n").string()), Catch::Contains("empty.dic: word list has no words"));
  CHECK_THROWS_WITH(read_word_list(scratch_file("two.txt", "Kyiv\nSão Paulo\n").string()),
                    Catch::Contains("two.txt:2:4: a word list has one word a line"));
  CHECK_THROWS_WITH(read_word_list(scratch_file("latin1.txt", "ok\nna\xefve\n").string()),
                    Catch::Contains("latin1.txt:2:3: word list is not UTF-8 text here"));
  CHECK_THROWS_WITH(read_word_list("/nonexistent/words.dic"), Catch::Contains("words.dic: word list cannot be read"));
}

TEST_CASE("UTF-16 with a byte-order mark is decoded; anything else is left to the UTF-8 reader", "[bounds]") {
  CHECK(decode_utf16(std::string("\xFF\xFE" "A\0\x1C\x20", 6)) == std::optional<std::string>("A\xe2\x80\x9c"));
  CHECK(decode_utf16(std::string("\xFE\xFF\0A\xD8\x3D\xDC\x69", 8)) == std::optional<std::string>("A\xf0\x9f\x91\xa9"));
  // An unpaired surrogate becomes U+FFFD, which the artifacts check reports.
  CHECK(decode_utf16(std::string("\xFF\xFE\x3D\xD8" "A\0", 6)) == std::optional<std::string>("\xef\xbf\xbd" "A"));
  CHECK_FALSE(decode_utf16("\xEF\xBB\xBFplain UTF-8").has_value());
  CHECK_FALSE(decode_utf16(std::string("A\0B\0", 4)).has_value());
}

TEST_CASE("the rules of a data-driven kind share one pass and keep their own matches", "[bounds][existence][consistency]") {
  const fs::path pack = scratch_file("pack/house.yaml", R"(rules:
  - {id: garbled.house-a, kind: existence, severity: warning, message: A., options: {phrases: ["prime minister"]}}
  - {id: garbled.house-b, kind: existence, severity: warning, message: B., options: {phrases: ["prime minister said", "^minister$"]}}
  - {id: style.house-x, kind: consistency, severity: warning, message: X., options: {groups: [["Kyiv", "Kiev"]]}}
  - {id: style.house-y, kind: consistency, severity: warning, message: Y., options: {groups: [["Kyiv", "Kyyiv"], ["e-mail", "email"]]}}
)").parent_path();
  const Linter linter(only_rules(pack, {"garbled.house-a", "garbled.house-b", "style.house-x", "style.house-y"}));

  const Result r = linter.check("The prime minister said no. Minister. Kyiv and Kyiv, not Kiev. An email, an e-mail.\n");
  CHECK(count_rule(r, "garbled.house-a") == 1);  // "prime minister", inside B's longer match
  CHECK(count_rule(r, "garbled.house-b") == 2);  // "prime minister said" and the sentence "Minister."
  CHECK(count_rule(r, "style.house-x") == 1);    // Kiev
  CHECK(count_rule(r, "style.house-y") == 1);    // e-mail or email; no Kyyiv
  // Near miss: a second document does not see the first one's matches.
  const Result quiet = linter.check("The minister spoke in Kyiv by email.\n");
  CHECK(quiet.diagnostics.empty());
}

TEST_CASE("existence finds a phrase at each spelling of its words, URLs and handles included", "[bounds][existence]") {
  // The first word of a phrase is looked up once per distinct key: every case and
  // apostrophe style of it must still match, and tokens with no word id (a handle) too.
  const fs::path pack = scratch_file("spellings/house.yaml", R"(rules:
  - {id: garbled.house-c, kind: existence, severity: warning, message: C., options: {phrases: ["Zürich’s café", "@desk news"]}}
)").parent_path();
  const Linter linter(only_rules(pack, {"garbled.house-c"}));
  const Result r = linter.check("ZÜRICH'S CAFÉ opened. Then zürich’s café. Zürich’s Café, @desk news and @DESK News.\n");
  CHECK(count_rule(r, "garbled.house-c") == 5);
  // Near misses: the words apart or alone.
  CHECK(linter.check("Zürich’s old café and a café in Zürich; @desk says news.\n").diagnostics.empty());
}

TEST_CASE("a consistency spelling glued to the word before is not a use of it, even after a match", "[bounds][consistency]") {
  const fs::path pack = scratch_file("glued/house.yaml", R"(rules:
  - {id: style.house-z, kind: consistency, severity: warning, message: Z., options: {groups: [["Kyiv", "Kiev"], ["-based", "based"]]}}
)").parent_path();
  const Linter linter(only_rules(pack, {"style.house-z"}));
  // "-based" in "Kyiv-based" follows a letter: only "based" is used, and Kyiv alone.
  CHECK(count_rule(linter.check("Kyiv-based reporters met a Paris based firm in Kyiv.\n"), "style.house-z") == 0);
  CHECK(count_rule(linter.check("A -based suffix, a Paris based firm.\n"), "style.house-z") == 1);
}

TEST_CASE("consistency finds each spelling wherever its first two bytes start a whole word", "[bounds][consistency]") {
  // Spellings that share their first two bytes, a one-letter one, and ones that start
  // with a letter of two, three or four bytes: the table of first bytes lets each through.
  const fs::path pack = scratch_file("prefix/house.yaml", R"(rules:
  - {id: style.house-p, kind: consistency, severity: warning, message: P., options: {groups: [["Kyiv", "Kyyiv"], ["Zürich", "Zurich"], ["A", "Ä"], ["Ελλάδα", "Ellada"], ["😀face", "smiley"]]}}
)").parent_path();
  const Linter linter(only_rules(pack, {"style.house-p"}));
  const auto where = [&](const std::string& text) {
    std::vector<std::string> found;
    for (const auto& d : linter.check(text + "\n").diagnostics) found.push_back(text.substr(d.offset, d.length));
    return found;
  };
  CHECK(where("Kyiv, Kyiv and Kyyiv.") == std::vector<std::string>{"Kyyiv"});
  CHECK(where("Zürich, Zürich and Zurich at the end: Zurich") == std::vector<std::string>{"Zurich", "Zurich"});
  CHECK(where("A plan, A deal and Ä.") == std::vector<std::string>{"Ä"});
  CHECK(where("Ellada and Ελλάδα, then Ελλάδα.") == std::vector<std::string>{"Ellada"});
  CHECK(where("😀face and smiley and 😀face.") == std::vector<std::string>{"smiley"});
  // Near misses: another case, or a letter touching either end, ASCII or not.
  CHECK(where("Kyiv and KYYIV, kyyiv, Kyyivs, éKyyiv and Kyyivé.").empty());
  CHECK(where("Zürich and ZURICH, zurich, Zurichs and ÉZurich.").empty());
  CHECK(where("A plan and Äb, bÄ, ä.").empty());
}

TEST_CASE("a word-frequency list that cannot be read stops the load at the option naming it", "[bounds]") {
  const fs::path pack = scratch_file("frequency/house.yaml", R"(rules:
  - {id: repetition.house-echo, kind: echo, severity: warning, message: E., options: {frequency_list: no-such-list.tsv}}
)").parent_path();
  Options options;
  options.data_dir = COPYDESK_SOURCE_DIR;
  options.rule_dirs = {pack};
  options.models = false;
  CHECK_THROWS_WITH(Linter(options), Catch::Contains("house.yaml:2:") &&
                                         Catch::Contains("names a word-frequency list that cannot be read"));
  // The shipped list, named the same way, loads.
  options.rule_dirs.clear();
  CHECK_NOTHROW(Linter(options));
}
