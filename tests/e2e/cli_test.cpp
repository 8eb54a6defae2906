// End-to-end tests of the copydesk binary: formats, exit statuses, inputs, configuration.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "e2e/run.hpp"

namespace fs = std::filesystem;
using namespace e2e;


TEST_CASE("help and version tell the truth", "[cli]") {
  Scratch s;
  const Run help = cli(s, "--help");
  CHECK(help.status == 0);
  CHECK(help.out.find("check") != std::string::npos);
  CHECK(help.out.find("explain") != std::string::npos);
  const Run check_help = cli(s, "check --help");
  CHECK(check_help.status == 0);
  CHECK(check_help.out.find("--fail-on") != std::string::npos);
  const Run version = cli(s, "--version");
  CHECK(version.status == 0);
  CHECK(version.out.rfind("copydesk ", 0) == 0);
}

TEST_CASE("exit status follows --fail-on", "[cli]") {
  Scratch s;
  write(s.dir / "clean.txt", kClean);
  write(s.dir / "typo.txt", kTypo);
  CHECK(cli(s, "check clean.txt").status == 0);
  CHECK(cli(s, "check typo.txt").status == 1);
  CHECK(cli(s, "check --fail-on none typo.txt").status == 0);
  CHECK(cli(s, "check --fail-on error typo.txt").status == 0);
  CHECK(cli(s, "check --fail-on info typo.txt").status == 1);
}

TEST_CASE("text output shows the place, the line, the underline and the suggestion", "[cli]") {
  Scratch s;
  write(s.dir / "typo.txt", kTypo);
  const Run r = cli(s, "check typo.txt");
  CHECK(r.out.find("typo.txt:1:14: warning: “adressed” looks like a misspelling of “addressed”. [spelling.unknown-word]") !=
        std::string::npos);
  CHECK(r.out.find("    The minister adressed reporters") != std::string::npos);
  CHECK(r.out.find("                 ^~~~~~~") != std::string::npos);
  CHECK(r.out.find("suggestion:") != std::string::npos);
  CHECK(r.out.find("1 file checked") != std::string::npos);
}

TEST_CASE("json output has the contract's fields", "[cli]") {
  Scratch s;
  write(s.dir / "typo.txt", kTypo);
  const Run r = cli(s, "check --format json typo.txt");
  REQUIRE(r.status == 1);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["version"] == 1);
  REQUIRE(j["files"].size() == 1);
  CHECK(j["files"][0]["path"] == "typo.txt");
  CHECK(j["files"][0]["words"] == 6);
  const auto& d = j["files"][0]["diagnostics"][0];
  CHECK(d["rule"] == "spelling.unknown-word");
  CHECK(d["category"] == "spelling");
  CHECK(d["severity"] == "warning");
  CHECK(d["line"] == 1);
  CHECK(d["column"] == 14);
  CHECK(d["end_line"] == 1);
  CHECK(d["end_column"] == 22);
  CHECK(d["offset"] == 13);
  CHECK(d["length"] == 8);
  CHECK(d["text"] == "adressed");
  CHECK(d["suggestions"].is_array());
  CHECK(d["related"].is_array());
  CHECK(j["summary"]["warnings"] == 1);
  CHECK(j["summary"]["files"] == 1);
}

TEST_CASE("sarif output is SARIF 2.1.0 with regions and fixes", "[cli]") {
  Scratch s;
  write(s.dir / "typo.txt", kTypo);
  const auto j = nlohmann::json::parse(cli(s, "check --format sarif typo.txt").out);
  CHECK(j["version"] == "2.1.0");
  CHECK(j["$schema"].get<std::string>().find("sarif") != std::string::npos);
  const auto& run = j["runs"][0];
  CHECK(run["tool"]["driver"]["name"] == "copydesk");
  CHECK_FALSE(run["tool"]["driver"]["rules"].empty());
  const auto& result = run["results"][0];
  CHECK(result["ruleId"] == "spelling.unknown-word");
  CHECK(result["level"] == "warning");
  const auto& region = result["locations"][0]["physicalLocation"]["region"];
  CHECK(region["startLine"] == 1);
  CHECK(region["startColumn"] == 14);
  CHECK(region["byteOffset"] == 13);
  CHECK(region["byteLength"] == 8);
  CHECK(result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "typo.txt");
  CHECK_FALSE(result["fixes"].empty());

  write(s.dir / "a b" / "c,d.txt", kTypo);
  const auto spaced = nlohmann::json::parse(cli(s, "check --format sarif 'a b/c,d.txt'").out);
  CHECK(spaced["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] ==
        "a%20b/c%2Cd.txt");
}

TEST_CASE("github output is one escaped workflow command per finding", "[cli]") {
  Scratch s;
  write(s.dir / "a,b.txt", kTypo);
  const Run r = cli(s, "check --format github 'a,b.txt'");
  CHECK(r.out.rfind("::warning file=a%2Cb.txt,line=1,col=14,endLine=1,endColumn=22,title=spelling.unknown-word::", 0) == 0);
}

TEST_CASE("standard input is read when no path or - is given", "[cli]") {
  Scratch s;
  const auto j = nlohmann::json::parse(cli(s, "check --format json", kTypo).out);
  CHECK(j["files"][0]["path"] == "<stdin>");
  CHECK(j["files"][0]["diagnostics"].size() == 1);
  CHECK(cli(s, "check -", kClean).status == 0);
}

TEST_CASE("folders are walked for text, Markdown and HTML, skipping hidden folders", "[cli]") {
  Scratch s;
  write(s.dir / "news" / "a.txt", kTypo);
  write(s.dir / "news" / "deep" / "b.md", "# Title\n\n" + kTypo);
  write(s.dir / "news" / "c.html", "<p>" + kTypo + "</p>");
  write(s.dir / "news" / "skip.csv", kTypo);
  write(s.dir / "news" / ".git" / "d.txt", kTypo);
  const auto j = nlohmann::json::parse(cli(s, "check --format json news").out);
  std::vector<std::string> paths;
  for (const auto& f : j["files"]) paths.push_back(f["path"]);
  CHECK(paths == std::vector<std::string>{"news/a.txt", "news/c.html", "news/deep/b.md"});
  CHECK(j["summary"]["warnings"] == 3);
}

TEST_CASE("output is the same whatever --jobs is", "[cli]") {
  Scratch s;
  // Words far from any dictionary word make a suggestion search work hard.
  for (int i = 0; i < 12; ++i)
    write(s.dir / "d" / (std::string("f") + std::to_string(i) + ".txt"),
          i % 2 ? kTypo : "The cheshbon hanefesh and teshuva of the qwzxvbnmlkj season.\n");
  const Run one = cli(s, "check --format json --jobs 1 d");
  const Run two = cli(s, "check --format json --jobs 2 d");
  const Run many = cli(s, "check --format json --jobs 8 d");
  CHECK(one.out == two.out);
  CHECK(one.out == many.out);
}

TEST_CASE("check --timings prints each part of the run to standard error, the report unchanged", "[cli]") {
  Scratch s;
  write(s.dir / "a.txt", kTypo);
  const Run plain = cli(s, "check --format json a.txt");
  const Run timed = cli(s, "check --format json --timings a.txt");
  CHECK(timed.status == plain.status);
  CHECK(timed.out == plain.out);
  CHECK(plain.err.empty());
  for (const char* part : {"reading inputs", "loading: rules", "loading: language model", "loading: lexicon",
                           "loading: checks (word lists, indexes)", "loading: tagger model", "loading: word forms",
                           "checking", "report", "total"})
    CHECK_THAT(timed.err, Catch::Contains(part));
  // The compiled word forms decide every word of it: Hunspell is never opened...
  CHECK_THAT(timed.err, !Catch::Contains("Hunspell"));
  // ...until a word needs it (a word in Greek letters).
  write(s.dir / "greek.txt", "The team from Ελλάδα won the cup.\n");
  CHECK_THAT(cli(s, "check --timings greek.txt").err, Catch::Contains("loading: Hunspell (1 opened)"));
  // Parts in the order they ran.
  CHECK(timed.err.find("loading: rules") < timed.err.find("loading: tagger model"));
  CHECK(timed.err.find("reading inputs") < timed.err.find("report"));
}

TEST_CASE("bad input stops with exit status 2 and says what and where", "[cli]") {
  Scratch s;
  Run r = cli(s, "check missing.txt");
  CHECK(r.status == 2);
  CHECK(r.err.find("missing.txt") != std::string::npos);
  CHECK(r.out.empty());

  write(s.dir / "binary.txt", std::string("abc\0def", 7));
  r = cli(s, "check binary.txt");
  CHECK(r.status == 2);
  CHECK(r.err.find("binary.txt: not a text file") != std::string::npos);

  write(s.dir / "dir" / "binary.txt", std::string("abc\0def", 7));
  write(s.dir / "dir" / "ok.txt", kClean);
  r = cli(s, "check dir");
  CHECK(r.status == 0);
  CHECK(r.err.find("skipping dir/binary.txt") != std::string::npos);

  r = cli(s, "check - -", kClean);
  CHECK(r.status == 2);
  CHECK(r.err.find("only once") != std::string::npos);

  fs::create_directories(s.dir / "empty");
  r = cli(s, "check empty");
  CHECK(r.status == 0);
  CHECK(r.err.find("no .txt") != std::string::npos);

  CHECK(cli(s, "check --format xml").status == 2);
  CHECK(cli(s, "check --lang fr_FR").status == 2);
  CHECK(cli(s, "frobnicate").status == 2);
  CHECK(cli(s, "").status == 2);
}

TEST_CASE("configuration turns rules off, changes severity, and errors point at file:line:column", "[cli]") {
  Scratch s;
  write(s.dir / "typo.txt", kTypo);
  write(s.dir / "off.yaml", "rules:\n  spelling.unknown-word: off\n");
  CHECK(cli(s, "check --config off.yaml typo.txt").status == 0);

  // Switching on a rule keeps its data files found beside its own rule file.
  write(s.dir / "on.yaml", "rules:\n  garbled.unlikely-sentence: on\n");
  CHECK(cli(s, "check --config on.yaml typo.txt").status == 1);

  write(s.dir / "err.yaml", "rules:\n  spelling.unknown-word: error\n");
  CHECK(cli(s, "check --config err.yaml --format json typo.txt").out.find("\"severity\":\"error\"") !=
        std::string::npos);

  // Found from the current folder upward without --config.
  write(s.dir / ".copydesk.yaml", "rules:\n  spelling.unknown-word: off\n");
  CHECK(cli(s, "check typo.txt").status == 0);
  fs::remove(s.dir / ".copydesk.yaml");

  write(s.dir / "bad.yaml", "language: en_US\nrules:\n  spelling.unknown-word: loud\n");
  Run r = cli(s, "check --config bad.yaml typo.txt");
  CHECK(r.status == 2);
  CHECK(r.err.find("bad.yaml:3:26") != std::string::npos);
  CHECK(r.out.empty());

  write(s.dir / "unknown.yaml", "rules:\n  spelling.no-such-rule: off\n");
  r = cli(s, "check --config unknown.yaml typo.txt");
  CHECK(r.status == 2);
  CHECK(r.err.find("unknown.yaml:2:3: no rule 'spelling.no-such-rule'") != std::string::npos);

  write(s.dir / "syntax.yaml", "rules: [\n");
  r = cli(s, "check --config syntax.yaml typo.txt");
  CHECK(r.status == 2);
  CHECK(r.err.find("syntax.yaml:") != std::string::npos);

  CHECK(cli(s, "check --config nowhere.yaml typo.txt").status == 2);

  write(s.dir / "type.yaml", "rules:\n  spelling.unknown-word:\n    enabled: maybe\n");
  r = cli(s, "check --config type.yaml typo.txt");
  CHECK(r.status == 2);
  CHECK(r.err.find("type.yaml:3:14: enabled must be true or false") != std::string::npos);

  write(s.dir / "empty.yaml", "rules:\n  style.inconsistent-variant:\n    options:\n      groups: [[a, \"\"]]\n");
  r = cli(s, "check --config empty.yaml typo.txt");
  CHECK(r.status == 2);
  CHECK(r.err.find("empty.yaml:4:") != std::string::npos);
}

TEST_CASE("a newsroom adds dictionaries and rule packs", "[cli]") {
  Scratch s;
  write(s.dir / "typo.txt", kTypo);
  write(s.dir / "house.dic", "1\nadressed\n");
  CHECK(cli(s, "check --dict house.dic typo.txt").status == 0);
  write(s.dir / "config" / ".copydesk.yaml", "dictionaries: [../house.dic]\n");
  CHECK(cli(s, "check --config config/.copydesk.yaml typo.txt").status == 0);

  write(s.dir / "pack" / "house.yaml",
        "rules:\n  - id: spelling.house-words\n    kind: spelling\n    severity: error\n    message: House words.\n");
  const Run r = cli(s, "check --rules pack --format json typo.txt");
  CHECK(r.out.find("spelling.house-words") != std::string::npos);
  write(s.dir / "badpack" / "house.yaml", "rules:\n  - id: spelling.x\n    kind: nonesuch\n");
  const Run bad = cli(s, "check --rules badpack typo.txt");
  CHECK(bad.status == 2);
  CHECK(bad.err.find("house.yaml:2:5: rule spelling.x names an unknown kind 'nonesuch'") != std::string::npos);
}

TEST_CASE("the shipped rules' compiled file is used when current, and a damaged one stops the run naming it", "[cli]") {
  Scratch s;
  write(s.dir / "typo.txt", kTypo);
  const fs::path data = s.dir / "data";
  fs::create_directories(data);
  for (const char* part : {"rules", "dictionaries", "models"})
    fs::create_directory_symlink(fs::path(COPYDESK_SOURCE_DIR) / part, data / part);
  const std::string env = "COPYDESK_DATA_DIR=data";
  const Run yaml = cli(s, "check --format json typo.txt", "", env);  // no rules.bin beside them: the YAML
  CHECK(yaml.status == 1);
  const Run explained = cli(s, "explain artifacts.page-furniture", "", env);
  fs::copy_file(fs::path(COPYDESK_BUILD_DIR) / "rules.bin", data / "rules.bin");
  const Run compiled = cli(s, "check --format json typo.txt", "", env);
  CHECK(compiled.status == 1);
  CHECK(compiled.out == yaml.out);
  CHECK(explained.out.find("this rule: - ^Advertisement$") != std::string::npos);  // its list of phrases, dumped
  CHECK(cli(s, "explain artifacts.page-furniture", "", env).out == explained.out);

  write(data / "rules.bin", "copydesk compiled rules, format 1\nnot CBOR");
  const Run damaged = cli(s, "check typo.txt", "", env);
  CHECK(damaged.status == 2);
  CHECK(damaged.err.find("rules.bin: not a usable compiled rule file") != std::string::npos);
  CHECK(damaged.out.empty());
}

TEST_CASE("the language option switches the dictionary", "[cli]") {
  Scratch s;
  write(s.dir / "gb.txt", "The colour of the organisation’s flag.\n");
  CHECK(cli(s, "check --lang en_GB gb.txt").status == 0);
  CHECK(cli(s, "check --lang en_US gb.txt").status == 1);
  write(s.dir / ".copydesk.yaml", "language: en_GB\n");
  CHECK(cli(s, "check gb.txt").status == 0);
}

TEST_CASE("the article's variety of English is its own unless --lang forces one", "[cli]") {
  Scratch s;
  write(s.dir / "gb.txt", "The colour of the organisation’s flag honoured the centre.\n");
  write(s.dir / "us.txt", "The color of the organization’s flag honored the center.\n");
  // Unforced, each article is checked against its own variety.
  CHECK(cli(s, "check gb.txt us.txt").status == 0);
  // Forced, the other variety is reported once per article, not word by word.
  const Run r = cli(s, "check --lang en_GB us.txt");
  CHECK(r.status == 1);
  CHECK(r.out.find("[style.mixed-variety]") != std::string::npos);
  CHECK(r.out.find("[spelling.unknown-word]") == std::string::npos);
  CHECK(r.out.find("1 warning") != std::string::npos);
}

TEST_CASE("rules lists every rule and explain prints one", "[cli]") {
  Scratch s;
  const Run rules = cli(s, "rules");
  CHECK(rules.status == 0);
  CHECK(rules.out.find("spelling.unknown-word") != std::string::npos);
  const Run explain = cli(s, "explain spelling.unknown-word");
  CHECK(explain.status == 0);
  CHECK(explain.out.find("Hunspell") != std::string::npos);
  CHECK(explain.out.find("Example:") != std::string::npos);
  CHECK(cli(s, "explain spelling.nonesuch").status == 2);
  // A rule that is off by default is still shown at work on its example.
  const Run off = cli(s, "explain repetition.overused-word");
  CHECK(off.out.find("off by default") != std::string::npos);
  CHECK(off.out.find("[repetition.overused-word]") != std::string::npos);
}

TEST_CASE("the README's table of rules is what rules --format markdown prints", "[cli]") {
  Scratch s;
  const Run table = cli(s, "rules --format markdown");
  REQUIRE(table.status == 0);
  CHECK(table.out.rfind("| rule | severity | on | what it flags |\n", 0) == 0);
  CHECK(table.out.find("| `names.inconsistent-spelling` | warning | yes | ") != std::string::npos);
  const std::string readme = slurp(fs::path(COPYDESK_SOURCE_DIR) / "README.md");
  const std::string begin = "<!-- rules: begin -->\n", end = "<!-- rules: end -->";
  const auto from = readme.find(begin), to = readme.find(end);
  REQUIRE(from != std::string::npos);
  REQUIRE(to != std::string::npos);
  INFO("make readme-rules writes the table anew");
  CHECK(readme.substr(from + begin.size(), to - from - begin.size()) == table.out);
}

TEST_CASE("a misspelt or mistyped option is refused at its line, in the configuration and in a rule pack", "[cli]") {
  Scratch s;
  write(s.dir / "typo.txt", kTypo);
  write(s.dir / ".copydesk.yaml", "rules:\n  repetition.echo:\n    options:\n      max_distanse: 8\n");
  Run r = cli(s, "check typo.txt");
  CHECK(r.status == 2);
  CHECK(r.out.empty());
  CHECK(r.err.find(".copydesk.yaml:4:7: option 'max_distanse' of rule repetition.echo is unknown to kind 'echo'") !=
        std::string::npos);
  CHECK(r.err.find("it takes max_distance") != std::string::npos);

  write(s.dir / ".copydesk.yaml", "rules:\n  repetition.echo:\n    options: {max_distance: eight}\n");
  r = cli(s, "check typo.txt");
  CHECK(r.status == 2);
  CHECK(r.err.find(".copydesk.yaml:3:15: option 'max_distance' of rule repetition.echo must be an integer") !=
        std::string::npos);
  fs::remove(s.dir / ".copydesk.yaml");

  write(s.dir / "pack" / "house.yaml",
        "rules:\n  - id: garbled.house-phrases\n    kind: existence\n    options:\n      phrases: [at this point in time]\n"
        "      reprot: \"Cut it.\"\n");
  r = cli(s, "check --rules pack typo.txt");
  CHECK(r.status == 2);
  CHECK(r.err.find("house.yaml:6:7: option 'reprot' of rule garbled.house-phrases is unknown to kind 'existence'") !=
        std::string::npos);

  // A kind that takes no options says so.
  write(s.dir / "pack" / "house.yaml",
        "rules:\n  - id: punctuation.house\n    kind: double-space\n    options: {width: 2}\n");
  r = cli(s, "check --rules pack typo.txt");
  CHECK(r.status == 2);
  CHECK(r.err.find("house.yaml:4:15: option 'width' of rule punctuation.house is unknown to kind 'double-space' "
                   "(it takes no options)") != std::string::npos);
}

TEST_CASE("explain prints the kind's options with their defaults and the rule's values", "[cli]") {
  Scratch s;
  const Run r = cli(s, "explain repetition.echo");
  CHECK(r.status == 0);
  CHECK(r.out.find("Options:\n\n  max_distance (an integer, default 6, this rule: 6): ") != std::string::npos);
  CHECK(r.out.find("frequency_list (a text, default dictionaries/word-frequency.tsv)") != std::string::npos);
}

TEST_CASE("test-rules runs the examples a newsroom's pack carries", "[cli]") {
  Scratch s;
  write(s.dir / "pack" / "house.yaml",
        "rules:\n  - id: garbled.house-phrases\n    kind: existence\n    message: Phrases the desk cuts.\n"
        "    options:\n      phrases: [at this point in time]\n    examples:\n"
        "      - fires: \"We are, [[at this point in time]], ready.\"\n"
        "      - silent: \"We are ready now.\"\n");
  Run r = cli(s, "test-rules pack");
  CHECK(r.status == 0);
  CHECK(r.out == "2 examples: 0 wrong\n");

  write(s.dir / "pack" / "house.yaml",
        "rules:\n  - id: garbled.house-phrases\n    kind: existence\n    message: Phrases the desk cuts.\n"
        "    options:\n      phrases: [at this point in time]\n    examples:\n"
        "      - fires: \"We are [[ready]] at this point in time.\"\n");
  r = cli(s, "test-rules pack");
  CHECK(r.status == 1);
  CHECK(r.out.find("house.yaml:8: garbled.house-phrases example “We are ready at this point in time.”: nothing "
                   "flagged at “ready”") != std::string::npos);
  CHECK(r.out.find("unexpected finding at “at this point in time”") != std::string::npos);

  // The shipped rules pass their own examples.
  CHECK(cli(s, "test-rules").status == 0);
}

TEST_CASE("an article that reads as machine translated lowers the bar for its sentences", "[cli]") {
  // A round trip through rule-based MT (apertium, English → Catalan → English) of an
  // article of the project's own: its mean fluency is 0.36.
  Scratch s;
  write(s.dir / "mt.txt",
        "The city council voted at Tuesday at next two libraries and a swimming pool to coat a void in the year "
        "that veha estimate.\n\n"
        "Members of council said that the decision had been obliged at them for cuts at the money the regional "
        "government routes at the city.\n\n"
        "Parents that utilises the band to swim the lessons said that they would take his boys at the neighboring "
        "city instead, a voyage of forty minutes for bus.\n\n"
        "The mayor promised that the libraries would reopen as soon as the finances of the city permitted it, but "
        "gave any date.\n\n"
        "Aldermen of opposition accused him to elect the easiest savings enough that hacking the wages of senior "
        "officers.\n\n"
        "One requests against the closures had collected more that three thousand signatures for evening of "
        "Wednesday.\n");
  write(s.dir / "mt.yaml", "rules:\n  garbled.unlikely-sentence:\n    options: {article_max_slor: 0.40}\n");
  const Run r = cli(s, "check --config mt.yaml --format json mt.txt");
  const auto json = nlohmann::json::parse(r.out);
  int flagged = 0;
  for (const auto& d : json["files"][0]["diagnostics"])
    if (d["rule"] == "garbled.unlikely-sentence") {
      ++flagged;
      CHECK(d["message"].get<std::string>().find("the whole article reads as machine translated") != std::string::npos);
    }
  CHECK(flagged == 4);
  // At the shipped 0.35 the article is not judged machine translated, and no sentence of
  // it is garbled enough alone.
  const Run shipped = cli(s, "check --format json mt.txt");
  CHECK(shipped.out.find("garbled.unlikely-sentence") == std::string::npos);
}

TEST_CASE("the html format writes one self-contained page, and lsp stops on a missing configuration", "[cli]") {
  Scratch s;
  write(s.dir / "typo.txt", kTypo);
  const Run page = cli(s, "check --format html typo.txt");
  CHECK(page.status == 1);
  CHECK(page.out.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(page.out.find("<mark class=\"cat-spelling\" data-findings=\"1\">adressed</mark>") != std::string::npos);
  CHECK(cli(s, "check --format html", kClean).out.find("<mark") == std::string::npos);
  const Run help = cli(s, "lsp --help");
  CHECK(help.status == 0);
  CHECK(help.out.find("--debounce") != std::string::npos);
  const Run bad = cli(s, "lsp --config missing.yaml");
  CHECK(bad.status == 2);
  CHECK(bad.err.find("missing.yaml") != std::string::npos);
  CHECK(bad.out.empty());
}

namespace {

// The lines of a corpus run's output, parsed.
std::vector<nlohmann::json> json_lines(const std::string& out) {
  std::vector<nlohmann::json> lines;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) lines.push_back(nlohmann::json::parse(line));
  return lines;
}

std::string article_line(const nlohmann::json& id, const std::string& field, const std::string& value) {
  return nlohmann::json{{"id", id}, {field, value}}.dump() + "\n";
}

}  // namespace

TEST_CASE("corpus mode answers each article on a line of its own, in input order", "[cli][jsonl]") {
  Scratch s;
  write(s.dir / "typo.txt", kTypo);
  write(s.dir / "page.html", "<p>The minister adressed reporters.</p>\n");
  const std::string input = article_line("a", "text", kClean) + article_line(2, "text", kTypo) + "\n" +
                            article_line("c", "path", "typo.txt") +
                            nlohmann::json{{"id", "d"}, {"path", "page.html"}}.dump() + "\n" +
                            nlohmann::json{{"id", "e"}, {"text", "<b>Bold</b> text.\n"}, {"format", "html"}}.dump() + "\n";
  const Run r = cli(s, "check --jsonl --jobs 2", input);
  CHECK(r.status == 1);
  const auto lines = json_lines(r.out);
  REQUIRE(lines.size() == 5);  // the blank line is no article
  CHECK(lines[0]["id"] == "a");
  CHECK(lines[0]["words"] == 6);
  CHECK(lines[0]["diagnostics"].empty());
  CHECK(lines[1]["id"] == 2);
  CHECK(lines[2]["id"] == "c");
  CHECK(lines[3]["id"] == "d");
  REQUIRE(lines[3]["diagnostics"].size() == 1);
  CHECK(lines[3]["diagnostics"][0]["column"] == 17);  // the markup blanked, as for the file
  CHECK(lines[4]["diagnostics"].empty());            // HTML read as HTML: no markup left to flag
  CHECK(r.err.empty());

  // The diagnostics are the json format's, field for field.
  const auto whole = nlohmann::json::parse(cli(s, "check --format json typo.txt").out);
  CHECK(lines[1]["diagnostics"] == whole["files"][0]["diagnostics"]);
  CHECK(lines[2]["diagnostics"] == whole["files"][0]["diagnostics"]);
  CHECK(cli(s, "check --jsonl --fail-on none", input).status == 0);
  CHECK(cli(s, "check --jsonl", article_line("a", "text", kClean)).status == 0);
}

TEST_CASE("corpus mode answers a bad line with an error and goes on", "[cli][jsonl]") {
  Scratch s;
  const std::string input = "not json\n" + article_line("a", "text", kClean) + "[1, 2]\n" +
                            nlohmann::json{{"text", kClean}}.dump() + "\n" +
                            nlohmann::json{{"id", "both"}, {"text", kClean}, {"path", "x.txt"}}.dump() + "\n" +
                            article_line("gone", "path", "missing.txt") +
                            nlohmann::json{{"id", "f"}, {"text", kClean}, {"format", "pdf"}}.dump() + "\n" +
                            article_line("b", "text", kClean);
  const Run r = cli(s, "check --jsonl", input);
  CHECK(r.status == 0);  // findings decide; the bad lines are answered in the output
  const auto lines = json_lines(r.out);
  REQUIRE(lines.size() == 8);
  for (std::size_t i : {0, 2, 3, 4, 5, 6}) {
    INFO("line " << i + 1);
    CHECK(lines[i].contains("error"));
    CHECK(lines[i]["line"] == i + 1);
    CHECK_FALSE(lines[i].contains("diagnostics"));
  }
  CHECK(lines[0]["id"].is_null());
  CHECK(lines[5]["id"] == "gone");
  CHECK(lines[5]["error"].get<std::string>().find("missing.txt: cannot be read") != std::string::npos);
  CHECK(lines[6]["error"].get<std::string>().find("format") != std::string::npos);
  CHECK(lines[1]["diagnostics"].empty());
  CHECK(lines[7]["id"] == "b");
  CHECK(r.err.find("6 of 8 lines could not be checked (first: line 1: not a JSON object)") != std::string::npos);
}

TEST_CASE("corpus mode takes no paths and no other format", "[cli][jsonl]") {
  Scratch s;
  write(s.dir / "clean.txt", kClean);
  CHECK(cli(s, "check --jsonl clean.txt").status == 2);
  CHECK(cli(s, "check --jsonl --format sarif").status == 2);
  const Run help = cli(s, "check --help");
  for (const char* flag : {"--jsonl", "--names", "--no-progress"}) CHECK(help.out.find(flag) != std::string::npos);
}

TEST_CASE("names learn counts the spellings of names, merge sums them, check --names flags rare ones", "[cli][names]") {
  Scratch s;
  write(s.dir / "a/one.txt", "Secretary of State Antony Blinken spoke. Blinken left for Kyiv.\n");
  write(s.dir / "a/two.txt", "Blinken met Nancy Levenson in Kyiv. Later, Blinken flew home.\n");
  const Run learn = cli(s, "names learn a -o one.tsv --no-progress");
  REQUIRE(learn.status == 0);
  const std::string counts = slurp(s.dir / "one.tsv");
  CHECK(counts.find("Blinken\t4\n") != std::string::npos);
  CHECK(counts.find("Kyiv\t2\n") != std::string::npos);
  CHECK(counts.find("Levenson\t1\n") != std::string::npos);
  CHECK(counts.find("Secretary") == std::string::npos);  // a word capitalized, no name
  CHECK_FALSE(fs::exists(s.dir / "one.tsv.partial"));

  // The same articles as a corpus stream, learnt again: the counts are the same.
  const std::string stream = article_line(1, "path", "a/one.txt") + article_line(2, "path", "a/two.txt");
  const Run jsonl = cli(s, "names learn --jsonl", stream);
  REQUIRE(jsonl.status == 0);
  CHECK(jsonl.out == counts);

  write(s.dir / "archive.tsv", "Blinken\t236\nHarris\t500\n");
  const Run merged = cli(s, "names merge one.tsv archive.tsv");
  REQUIRE(merged.status == 0);
  CHECK(merged.out.rfind("Antony\t1\nBlinken\t240\nHarris\t500\nKyiv\t2\nLevenson\t1\n", 0) == 0);
  write(s.dir / "all.tsv", merged.out);

  write(s.dir / "story.txt", "Secretary of State Antony Blingen arrived in Kyiv.\n");
  write(s.dir / "other.txt", "The lawyer Kamala Parris arrived in Kyiv.\n");
  const Run flagged = cli(s, "check --format json --names all.tsv story.txt other.txt");
  CHECK(flagged.status == 1);
  const auto j = nlohmann::json::parse(flagged.out);
  std::vector<std::string> rules;
  for (const auto& d : j["files"][0]["diagnostics"])
    if (d["rule"] == "names.archive-variant") {
      CHECK(d["text"] == "Blingen");
      CHECK(d["suggestions"][0] == "Blinken");
      CHECK(d["message"] == "“Blingen” looks like a misspelling of “Blinken”, which the archive uses 240 times (“Blingen”: never).");
      rules.push_back(d["rule"]);
    }
  CHECK(rules.size() == 1);
  for (const auto& d : j["files"][1]["diagnostics"]) CHECK(d["rule"] != "names.archive-variant");  // Parris is no Harris
  // Without the archive the rule says nothing.
  for (const auto& d : nlohmann::json::parse(cli(s, "check --format json story.txt").out)["files"][0]["diagnostics"])
    CHECK(d["rule"] != "names.archive-variant");
}

TEST_CASE("a count file that is not one stops the run at its line", "[cli][names]") {
  Scratch s;
  write(s.dir / "bad.tsv", "Blinken\t240\nBlingen two\n");
  write(s.dir / "story.txt", kClean);
  const Run merge = cli(s, "names merge bad.tsv -o out.tsv");
  CHECK(merge.status == 2);
  CHECK(merge.err.find("bad.tsv:2: expected a spelling, a tab and a count") != std::string::npos);
  CHECK_FALSE(fs::exists(s.dir / "out.tsv"));
  const Run check = cli(s, "check --names bad.tsv story.txt");
  CHECK(check.status == 2);
  CHECK(check.err.find("bad.tsv:2:") != std::string::npos);
  CHECK(cli(s, "check --names missing.tsv story.txt").status == 2);
}

TEST_CASE("progress goes to standard error only when it is a terminal", "[cli][progress]") {
  Scratch s;
  write(s.dir / "a.txt", kClean);
  write(s.dir / "b.txt", kTypo);
  // Not a terminal: nothing but the report.
  const Run files = cli(s, "check a.txt b.txt");
  CHECK(files.err.empty());
  const Run jsonl = cli(s, "check --jsonl", article_line("a", "text", kClean));
  CHECK(jsonl.err.empty());
  CHECK(jsonl.out.find("words/s") == std::string::npos);

  // On a terminal (script(1) gives the command one), standard output to a file: the
  // progress line is drawn on the terminal and wiped, the report is untouched.
  const std::string run = "cd '" + s.dir.string() + "' && script -qec \"'" + std::string(COPYDESK_BINARY) +
                          "' check --fail-on none --format json a.txt b.txt > report.json\" /dev/null > tty.txt";
  REQUIRE(std::system(run.c_str()) == 0);
  const std::string tty = slurp(s.dir / "tty.txt");
  CHECK(tty.find("2/2 files") != std::string::npos);
  CHECK(tty.find("words/s") != std::string::npos);
  CHECK(tty.find("\r\033[K") != std::string::npos);
  CHECK(nlohmann::json::parse(slurp(s.dir / "report.json"))["summary"]["files"] == 2);
  const std::string quiet = "cd '" + s.dir.string() + "' && script -qec \"'" + std::string(COPYDESK_BINARY) +
                            "' check --fail-on none --no-progress a.txt b.txt > report.txt\" /dev/null > tty.txt";
  REQUIRE(std::system(quiet.c_str()) == 0);
  CHECK(slurp(s.dir / "tty.txt").find("words/s") == std::string::npos);
}

TEST_CASE("a rule pack's examples may carry options of their own, such as an archive beside the pack", "[cli][names]") {
  Scratch s;
  write(s.dir / "pack/archive.tsv", "Stoltenberg\t90\n");
  const std::string rule = R"(rules:
  - id: names.house-archive
    kind: archive-variant
    severity: warning
    message: A name our archive spells otherwise.
    examples:
      - fires: "NATO chief Jens [[Stoltenburg]] spoke."
        suggestion: "Stoltenberg"
        options: {archive: archive.tsv}
      - silent: "NATO chief Jens Stoltenburg spoke."
)";
  write(s.dir / "pack/house.yaml", rule);
  const Run ok = cli(s, "test-rules pack");
  CHECK(ok.status == 0);
  CHECK(ok.out.find("2 examples: 0 wrong") != std::string::npos);  // no archive, no finding

  std::string wrong = rule;
  wrong.replace(wrong.find("archive: archive.tsv"), 20, "archives: archive.tsv");
  write(s.dir / "pack/house.yaml", wrong);
  const Run refused = cli(s, "test-rules pack");
  CHECK(refused.status == 2);
  CHECK(refused.err.find("archives") != std::string::npos);
}
