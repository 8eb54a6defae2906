// End-to-end tests of the reports for CI: --output, several --format FMT:FILE in one run,
// rdjson/rdjsonl (byte columns), checkstyle, JUnit, GitLab, SARIF's additions, the github
// format's annotation limit, `rules --format json`, and the reports validated against
// their published schemas when ../shared/schemas is beside the checkout.
#include <catch2/catch.hpp>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "e2e/run.hpp"
#include "support.hpp"

namespace fs = std::filesystem;
using namespace e2e;
using nlohmann::json;

namespace {

// Multi-byte characters before the typo: code point and byte columns differ on its line.
const std::string kAccents = "Le café’s minister adressed reporters on Wednesday.\n";

// Blingen/Blinken (with a related location and a suggestion), a typo and a doubled word.
const std::string kArticle =
    "Blinken met the minister in Geneva on Friday.\n\n"
    "Blinken said talks would go on. Blinken flew home on Saturday.\n\n"
    "Blingen told reporters the the talks were useful and that he adressed the main points.\n";

std::size_t count(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
  return n;
}

// ../shared/schemas and the validators, or a reason to skip.
struct Validators {
  fs::path schemas;
  std::string missing;
  Validators() {
    const std::string shared = copydesk::test::shared_dir();
    if (shared.empty() || !fs::is_directory(fs::path(shared) / "schemas")) missing = "../shared/schemas is not beside the checkout";
    else if (std::system("/usr/bin/python3 -c 'import jsonschema' 2>/dev/null") != 0)
      missing = "Debian's python3-jsonschema is not installed (tools/setup.sh installs it)";
    else if (std::system("xmllint --version >/dev/null 2>&1") != 0)
      missing = "xmllint (libxml2-utils) is not installed (tools/setup.sh installs it)";
    else schemas = fs::path(shared) / "schemas";
  }
};

// Validates a JSON document (or, with lines, each line of a JSON Lines file) against a
// JSON schema with python3-jsonschema; "" when valid, else the validator's complaint.
std::string json_schema_errors(const Scratch& s, const fs::path& schema, const std::string& file, bool lines = false) {
  write(s.dir / "validate.py",
        "import json, sys, jsonschema\n"
        "schema = json.load(open(sys.argv[1]))\n"
        "text = open(sys.argv[2], encoding='utf-8').read()\n"
        "docs = [json.loads(l) for l in text.splitlines() if l.strip()] if sys.argv[3] == 'lines' else [json.loads(text)]\n"
        "assert docs, 'nothing to validate'\n"
        "for d in docs: jsonschema.validators.validator_for(schema)(schema).validate(d)\n");
  const Run r = shell(s, "/usr/bin/python3 validate.py '" + schema.string() + "' '" + file + "' " + (lines ? "lines" : "doc"));
  return r.status == 0 ? "" : r.err;
}

std::string xsd_errors(const Scratch& s, const fs::path& xsd, const std::string& file) {
  const Run r = shell(s, "xmllint --noout --schema '" + xsd.string() + "' '" + file + "'");
  return r.status == 0 ? "" : r.err;
}

}  // namespace

TEST_CASE("rdjson and rdjsonl count columns in UTF-8 bytes and carry the suggestion", "[cli][ci]") {
  Scratch s;
  write(s.dir / "accents.txt", kAccents);
  const Run r = cli(s, "check --format rdjson accents.txt");
  REQUIRE(r.status == 1);
  const json doc = json::parse(r.out);
  CHECK(doc["source"]["name"] == "copydesk");
  REQUIRE(doc["diagnostics"].size() == 1);
  const json& d = doc["diagnostics"][0];
  const std::size_t byte = kAccents.find("adressed");
  CHECK(d["location"]["path"] == "accents.txt");
  CHECK(d["location"]["range"]["start"] == json{{"line", 1}, {"column", byte + 1}});
  CHECK(d["location"]["range"]["end"] == json{{"line", 1}, {"column", byte + 1 + 8}});
  CHECK(byte + 1 == 23);  // "é" is 2 bytes and "’" 3: the code point column is 20
  CHECK(d["severity"] == "WARNING");
  CHECK(d["code"]["value"] == "spelling.unknown-word");
  REQUIRE(d["suggestions"].size() == 1);  // reviewdog applies every suggestion: only the best
  CHECK(d["suggestions"][0]["range"] == d["location"]["range"]);
  CHECK(d["suggestions"][0]["text"] == "addressed");
  // The json format keeps code points, as the contract says.
  const json plain = json::parse(cli(s, "check --format json accents.txt").out);
  CHECK(plain["files"][0]["diagnostics"][0]["column"] == 20);

  const Run lines = cli(s, "check --format rdjsonl accents.txt");
  REQUIRE(count(lines.out, "\n") == 1);
  CHECK(json::parse(lines.out) == d);
}

TEST_CASE("rdjson related locations and lines after the first are in bytes too", "[cli][ci]") {
  Scratch s;
  write(s.dir / "a.txt", kArticle);
  const json doc = json::parse(cli(s, "check --format rdjson a.txt").out);
  bool found_name = false;
  for (const json& d : doc["diagnostics"]) {
    const std::size_t line = d["location"]["range"]["start"]["line"];
    const std::size_t column = d["location"]["range"]["start"]["column"];
    std::size_t line_start = 0;
    for (std::size_t l = 1; l < line; ++l) line_start = kArticle.find('\n', line_start) + 1;
    const std::size_t end_column = d["location"]["range"]["end"]["column"];
    const std::string text = kArticle.substr(line_start + column - 1, end_column - column);
    if (d["code"]["value"] == "names.inconsistent-spelling") {
      found_name = true;
      CHECK(text == "Blingen");
      REQUIRE(d["related_locations"].size() >= 1);
      CHECK(d["related_locations"][0]["location"]["range"]["start"]["line"] == 1);
      CHECK(d["related_locations"][0]["location"]["range"]["start"]["column"] == 1);
    }
    if (d["code"]["value"] == "spelling.unknown-word") CHECK(text == "adressed");
  }
  CHECK(found_name);
}

TEST_CASE("one run writes several reports, each to its own file, atomically", "[cli][ci]") {
  Scratch s;
  write(s.dir / "typo.txt", kTypo);
  const Run r = cli(s, "check --format text --output report.txt --format sarif:out/copydesk.sarif "
                            "--format rdjson:rd.json --format junit:junit.xml typo.txt");
  CHECK(r.status == 2);  // out/ did not exist: found before anything is written
  CHECK(r.err.find("out/copydesk.sarif: no folder out") != std::string::npos);
  CHECK(!fs::exists(s.dir / "report.txt"));
  fs::create_directories(s.dir / "out");
  const Run again = cli(s, "check --format text --output report.txt --format sarif:out/copydesk.sarif "
                                "--format rdjson:rd.json --format junit:junit.xml typo.txt");
  CHECK(again.status == 1);
  CHECK(again.out.empty());
  CHECK(slurp(s.dir / "report.txt").find("[spelling.unknown-word]") != std::string::npos);
  CHECK(json::parse(slurp(s.dir / "out/copydesk.sarif"))["version"] == "2.1.0");
  CHECK(json::parse(slurp(s.dir / "rd.json"))["diagnostics"].size() == 1);
  CHECK(slurp(s.dir / "junit.xml").find("<failure") != std::string::npos);
  // No temporary file is left beside the reports.
  for (const auto& e : fs::directory_iterator(s.dir)) CHECK(e.path().filename().string().find(".copydesk-") == std::string::npos);
  // Without --output, the format without a file goes to standard output.
  const Run mixed = cli(s, "check --format json --format gitlab:gl.json typo.txt");
  CHECK(json::parse(mixed.out)["version"] == 1);
  CHECK(json::parse(slurp(s.dir / "gl.json")).size() == 1);
}

TEST_CASE("bad --format and --output combinations stop the run with a clear message", "[cli][ci]") {
  Scratch s;
  write(s.dir / "typo.txt", kTypo);
  const Run two = cli(s, "check --format json --format sarif typo.txt");
  CHECK(two.status == 2);
  CHECK(two.err.find("only one format may go to --output or standard output") != std::string::npos);
  const Run unknown = cli(s, "check --format yaml:x.yaml typo.txt");
  CHECK(unknown.status == 2);
  CHECK(unknown.err.find("unknown format 'yaml'") != std::string::npos);
  const Run empty = cli(s, "check --format sarif: typo.txt");
  CHECK(empty.status == 2);
  CHECK(empty.err.find("names no file") != std::string::npos);
  CHECK(!fs::exists(s.dir / "x.yaml"));
  const Run help = cli(s, "check --help");
  for (const char* flag : {"--output", "--max-annotations", "--baseline", "--fix", "--fix-dry-run", "rdjsonl", "checkstyle",
                           "junit", "gitlab", "FMT:FILE"})
    CHECK(help.out.find(flag) != std::string::npos);
}

TEST_CASE("checkstyle and JUnit reports are XML written by libxml2, escaping included", "[cli][ci]") {
  Scratch s;
  const std::string name = "a&b <draft>.txt";
  write(s.dir / name, kTypo);
  write(s.dir / "clean.txt", kClean);
  const Run r = cli(s, "check --format checkstyle:cs.xml --format junit:junit.xml 'a&b <draft>.txt' clean.txt");
  CHECK(r.status == 1);
  const std::string cs = slurp(s.dir / "cs.xml");
  CHECK(cs.find("name=\"a&amp;b &lt;draft&gt;.txt\"") != std::string::npos);
  CHECK(cs.find("source=\"copydesk.spelling.unknown-word\"") != std::string::npos);
  CHECK(cs.find("line=\"1\" column=\"14\" severity=\"warning\"") != std::string::npos);
  const Run attr = shell(s, "xmllint --xpath 'string(/checkstyle/file[1]/@name)' cs.xml");
  CHECK(attr.out == name + "\n");
  const Run clean_file = shell(s, "xmllint --xpath 'count(/checkstyle/file[2]/error)' cs.xml");
  CHECK(clean_file.out == "0\n");
  const Run failures = shell(s, "xmllint --xpath 'string(/testsuites/testsuite[1]/@failures)' junit.xml");
  CHECK(failures.out == "1\n");
  // A clean file is a suite with one passing case, so it shows up in the CI's test view.
  const Run passing = shell(s, "xmllint --xpath 'count(/testsuites/testsuite[2]/testcase[not(failure)])' junit.xml");
  CHECK(passing.out == "1\n");
}

TEST_CASE("GitLab Code Quality: one issue per finding with a fingerprint that survives moved lines", "[cli][ci]") {
  Scratch s;
  write(s.dir / "a.txt", kArticle);
  const json before = json::parse(cli(s, "check --format gitlab a.txt").out);
  REQUIRE(before.is_array());
  REQUIRE(before.size() >= 3);
  std::set<std::string> prints;
  for (const json& issue : before) {
    CHECK(issue["type"] == "issue");
    CHECK(issue["location"]["path"] == "a.txt");
    CHECK(issue["location"]["lines"]["begin"] == 5);
    CHECK(std::set<std::string>{"info", "minor", "major"}.count(issue["severity"]));
    prints.insert(issue["fingerprint"]);
  }
  CHECK(prints.size() == before.size());  // unique
  write(s.dir / "a.txt", "A paragraph added at the top.\n\n" + kArticle);
  const json after = json::parse(cli(s, "check --format gitlab a.txt").out);
  REQUIRE(after.size() == before.size());
  for (std::size_t i = 0; i < after.size(); ++i) {
    CHECK(after[i]["location"]["lines"]["begin"] == 7);
    CHECK(after[i]["fingerprint"] == before[i]["fingerprint"]);
  }
  // The same text in another file is another issue.
  write(s.dir / "b.txt", kArticle);
  const json other = json::parse(cli(s, "check --format gitlab b.txt").out);
  CHECK(other[0]["fingerprint"] != before[0]["fingerprint"]);
}

TEST_CASE("SARIF carries each rule's help, a helpUri when the rule gives one, and partialFingerprints", "[cli][ci]") {
  Scratch s;
  write(s.dir / "typo.txt", kTypo);
  write(s.dir / "pack/house.yaml",
        "rules:\n"
        "  - id: style.house-phrases\n"
        "    kind: existence\n"
        "    help-uri: https://newsroom.example/style#phrases\n"
        "    message: Phrases the desk cuts.\n"
        "    description: The desk's list of phrases to cut.\n"
        "    options: {phrases: [\"at this point in time\"]}\n");
  const json doc = json::parse(cli(s, "check --format sarif --rules pack typo.txt").out);
  const json& run = doc["runs"][0];
  bool house = false;
  for (const json& rule : run["tool"]["driver"]["rules"]) {
    CHECK(rule["help"]["text"].is_string());
    CHECK(!rule["help"]["text"].get<std::string>().empty());
    if (rule["id"] == "style.house-phrases") {
      house = true;
      CHECK(rule["helpUri"] == "https://newsroom.example/style#phrases");
      CHECK(rule["help"]["text"] == "The desk's list of phrases to cut.");
    } else {
      CHECK(!rule.contains("helpUri"));
    }
  }
  CHECK(house);
  REQUIRE(run["results"].size() == 1);
  CHECK(run["results"][0]["partialFingerprints"]["copydesk/v1"].get<std::string>().size() == 32);
}

TEST_CASE("the github format annotates at most --max-annotations, the most severe first, then says how many more",
          "[cli][ci]") {
  Scratch s;
  std::string text;
  for (int i = 0; i < 11; ++i) text += "The minister adressed reporters on Wednesday.\n\n";
  text += "He said the the talks were over.\n";  // an error after eleven warnings
  write(s.dir / "many.txt", text);
  const std::size_t total = json::parse(cli(s, "check --format json many.txt").out)["summary"]["warnings"].get<std::size_t>() + 1 +
                            json::parse(cli(s, "check --format json many.txt").out)["summary"]["info"].get<std::size_t>();
  REQUIRE(total >= 12);
  const Run r = cli(s, "check --format github many.txt");
  CHECK(count(r.out, "::warning file=") == 9);
  CHECK(count(r.out, "::error file=") == 1);
  CHECK(r.out.find("::notice title=copydesk::" + std::to_string(total) + " findings, 10 of them annotated") !=
        std::string::npos);
  CHECK(count(r.out, "\n") == 11);
  const Run all = cli(s, "check --format github --max-annotations 0 many.txt");
  CHECK(count(all.out, "\n") == total);
  CHECK(all.out.find("title=copydesk::") == std::string::npos);
  // As many findings as the limit: no summary line.
  const Run exact = cli(s, "check --format github --max-annotations " + std::to_string(total) + " many.txt");
  CHECK(count(exact.out, "\n") == total);
  CHECK(exact.out.find("title=copydesk::") == std::string::npos);
}

TEST_CASE("rules --format json lists every rule with its fix safety", "[cli][ci]") {
  Scratch s;
  const Run r = cli(s, "rules --format json");
  REQUIRE(r.status == 0);
  const json rules = json::parse(r.out);
  REQUIRE(rules.is_array());
  std::map<std::string, json> by_id;
  for (const json& rule : rules) by_id[rule["id"]] = rule;
  REQUIRE(by_id.count("repetition.doubled-word"));
  CHECK(by_id["repetition.doubled-word"]["safe_fix"] == true);
  CHECK(by_id["repetition.doubled-word"]["severity"] == "error");
  CHECK(by_id["spelling.unknown-word"]["safe_fix"] == false);
  CHECK(by_id.size() == count(cli(s, "rules").out, "\n"));
  CHECK(cli(s, "rules --format yaml").status == 2);
}

TEST_CASE("every report validates against its published schema", "[cli][ci][schema]") {
  const Validators v;
  if (!v.missing.empty()) {
    WARN("schema validation skipped: " + v.missing);
    return;
  }
  Scratch s;
  write(s.dir / "a.txt", kArticle);
  write(s.dir / "accents.txt", kAccents);
  write(s.dir / "clean.txt", kClean);
  write(s.dir / "page.html", "<p>The minister &ldquo;adressed&rdquo; reporters.</p>\n");
  const Run r = cli(s, "check --format sarif:r.sarif --format rdjson:r.rdjson --format rdjsonl:r.rdjsonl "
                            "--format junit:r.xml a.txt accents.txt clean.txt page.html");
  REQUIRE(r.status == 1);
  CHECK(json_schema_errors(s, v.schemas / "sarif/sarif-schema-2.1.0.json", "r.sarif") == "");
  CHECK(json_schema_errors(s, v.schemas / "reviewdog-rdf/DiagnosticResult.json", "r.rdjson") == "");
  CHECK(json_schema_errors(s, v.schemas / "reviewdog-rdf/Diagnostic.json", "r.rdjsonl", true) == "");
  CHECK(xsd_errors(s, v.schemas / "junit/JUnit.xsd", "r.xml") == "");
  // The validators do reject what breaks the schemas, so a pass above means something.
  json broken = json::parse(slurp(s.dir / "r.sarif"));
  broken["runs"][0]["results"][0]["level"] = "severe";
  write(s.dir / "broken.sarif", broken.dump());
  CHECK(json_schema_errors(s, v.schemas / "sarif/sarif-schema-2.1.0.json", "broken.sarif") != "");
  json broken_rd = json::parse(slurp(s.dir / "r.rdjson"));
  broken_rd["diagnostics"][0]["location"]["range"]["start"]["column"] = "23";
  write(s.dir / "broken.rdjson", broken_rd.dump());
  CHECK(json_schema_errors(s, v.schemas / "reviewdog-rdf/DiagnosticResult.json", "broken.rdjson") != "");
  std::string junit = slurp(s.dir / "r.xml");
  junit.replace(junit.find(" hostname="), 10, " host=");
  write(s.dir / "broken.xml", junit);
  CHECK(xsd_errors(s, v.schemas / "junit/JUnit.xsd", "broken.xml") != "");
}
