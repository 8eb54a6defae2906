// End-to-end tests of what a newsroom's CI needs: suppression comments, front matter,
// character references, per-file configuration, ignored files, standard input named,
// and only the findings a change brought.
#include <catch2/catch.hpp>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>

#include "e2e/run.hpp"

namespace fs = std::filesystem;
using namespace e2e;

namespace {

using Finding = std::tuple<std::string, int, std::string>;  // rule, line, flagged text

std::vector<Finding> findings(const Run& run, std::size_t file = 0) {
  const auto j = nlohmann::json::parse(run.out);
  std::vector<Finding> out;
  for (const auto& d : j["files"][file]["diagnostics"]) out.emplace_back(d["rule"], d["line"], d["text"]);
  return out;
}

bool has(const std::vector<Finding>& all, const std::string& rule, int line) {
  return std::any_of(all.begin(), all.end(),
                     [&](const Finding& f) { return std::get<0>(f) == rule && std::get<1>(f) == line; });
}

// Runs git in the scratch folder; the test fails when git does.
void git(const Scratch& s, const std::string& args) {
  const std::string cmd = "cd '" + s.dir.string() + "' && git -c user.name=t -c user.email=t@example.org " + args +
                          " > /dev/null 2>&1";
  REQUIRE(std::system(cmd.c_str()) == 0);
}

const std::string kTwoSlips = "The minister adressed the the reporters on Wednesday.\n";  // a typo, a doubled word
const std::string kOneTypo = "The minister adressed reporters on Thursday.\n";

}  // namespace

TEST_CASE("a suppression comment silences exactly the rule it names, on the line it names", "[cli][suppress]") {
  Scratch s;
  write(s.dir / "a.md", "<!-- copydesk-disable-next-line spelling.unknown-word -->\n" + kTwoSlips + kOneTypo);
  auto f = findings(cli(s, "check --format json a.md"));
  CHECK_FALSE(has(f, "spelling.unknown-word", 2));
  CHECK(has(f, "repetition.doubled-word", 2));  // another rule on the same line
  CHECK(has(f, "spelling.unknown-word", 3));    // the same rule on the next line

  // disable-line, in an HTML comment at the end of the line.
  write(s.dir / "b.html", "<p>" + kTwoSlips.substr(0, kTwoSlips.size() - 1) +
                              " <!-- copydesk-disable-line repetition.doubled-word --></p>\n<p>" + kTwoSlips + "</p>\n");
  f = findings(cli(s, "check --format json b.html"));
  CHECK_FALSE(has(f, "repetition.doubled-word", 1));
  CHECK(has(f, "spelling.unknown-word", 1));
  CHECK(has(f, "repetition.doubled-word", 2));

  // A region, every rule, then on again; the plain-text form alone on its line.
  write(s.dir / "c.txt", "copydesk-disable\n\n" + kTwoSlips + "\ncopydesk-enable\n\n" + kOneTypo);
  f = findings(cli(s, "check --format json c.txt"));
  CHECK(f.size() == 1);
  CHECK(has(f, "spelling.unknown-word", 7));

  // Re-enabling one rule of a region leaves the others off.
  write(s.dir / "d.md", "<!-- copydesk-disable spelling.unknown-word, repetition.doubled-word -->\n\n" + kTwoSlips +
                            "\n<!-- copydesk-enable spelling.unknown-word -->\n\n" +
                            "The mayor adressed the the council on Friday.\n");
  f = findings(cli(s, "check --format json d.md"));
  CHECK(f == std::vector<Finding>{{"spelling.unknown-word", 7, "adressed"}});

  // In a code block the words are an example, not a suppression.
  write(s.dir / "e.md", "```\n<!-- copydesk-disable -->\n```\n\n" + kOneTypo);
  CHECK(has(findings(cli(s, "check --format json e.md")), "spelling.unknown-word", 5));
}

TEST_CASE("a suppression naming no rule is reported, and unused ones on request", "[cli][suppress]") {
  Scratch s;
  write(s.dir / "a.md", "<!-- copydesk-disable-next-line spelling.unknown-wrd -->\n" + kOneTypo);
  auto f = findings(cli(s, "check --format json a.md"));
  CHECK(f == std::vector<Finding>{{"artifacts.unknown-suppression", 1, "spelling.unknown-wrd"},
                                  {"spelling.unknown-word", 2, "adressed"}});

  write(s.dir / "b.md", "<!-- copydesk-disable-next-line spelling.unknown-word names.inconsistent-spelling -->\n" +
                            kOneTypo + "\n<!-- copydesk-disable-line -->\n");
  CHECK(findings(cli(s, "check --format json b.md")).empty());
  f = findings(cli(s, "check --format json --report-unused-suppressions b.md"));
  CHECK(f == std::vector<Finding>{{"artifacts.unused-suppression", 1, "names.inconsistent-spelling"},
                                  {"artifacts.unused-suppression", 4, "<!-- copydesk-disable-line -->"}});
  CHECK(cli(s, "check --help").out.find("--report-unused-suppressions") != std::string::npos);
}

TEST_CASE("front matter is metadata, but the fields an editor writes are prose at their places", "[cli][markup]") {
  Scratch s;
  const std::string body =
      "The city council voted on Thursday to build a flood barrier along the harbor.\n\n" + kTwoSlips + "\n" + kOneTypo;
  const std::string yaml = "---\ntitle: \"Council adressed the flood\"\ndate: 2025-03-14T09:12:00+01:00\n"
                           "slug: council-flod-barier\nimages: [/img/2025/03/flod_barier-1.jpg]\n"
                           "tags: [harbor, council]\n"
                           // A summary that repeats the lede, as summaries do: no duplicate.
                           "description: The city council voted on Thursday to build a flood barrier along the harbor.\n"
                           "---\n";
  const std::string toml = "+++\ntitle = 'Council adressed the flood'\ndate = 2025-03-14\n"
                           "slug = \"council-flod-barier\"\n+++\n";
  write(s.dir / "plain.txt", body);
  write(s.dir / "yaml.md", yaml + body);
  write(s.dir / "toml.md", toml + body);
  const auto plain = findings(cli(s, "check --format json plain.txt"));
  REQUIRE(plain.size() == 3);
  for (const auto& [name, lines] : {std::pair{"yaml.md", 8}, std::pair{"toml.md", 5}}) {
    INFO(name);
    auto front = findings(cli(s, std::string("check --format json ") + name));
    // The title's typo at its own line, and the body's findings as in plain text.
    REQUIRE_FALSE(front.empty());
    CHECK(front.front() == Finding{"spelling.unknown-word", 2, "adressed"});
    std::vector<Finding> in_body;
    for (const auto& [rule, line, text] : std::vector<Finding>(front.begin() + 1, front.end()))
      in_body.emplace_back(rule, line - lines, text);
    CHECK(in_body == plain);
  }
  // The exact place of the title's typo: after `title: "Council `.
  const auto j = nlohmann::json::parse(cli(s, "check --format json yaml.md").out);
  CHECK(j["files"][0]["diagnostics"][0]["offset"] == 20);
  CHECK(j["files"][0]["diagnostics"][0]["column"] == 17);

  // The fields read as prose are the configuration's.
  write(s.dir / ".copydesk.yaml", "front_matter:\n  prose_fields: [slug]\n");
  const auto slug = findings(cli(s, "check --format json yaml.md"));
  CHECK_FALSE(has(slug, "spelling.unknown-word", 2));
  CHECK(has(slug, "spelling.unknown-word", 4));
  write(s.dir / ".copydesk.yaml", "front_matter:\n  prose_feilds: [slug]\n");
  const Run bad = cli(s, "check yaml.md");
  CHECK(bad.status == 2);
  CHECK(bad.err.find(".copydesk.yaml:2:3: unknown key 'prose_feilds'") != std::string::npos);
}

TEST_CASE("a finding on a character reference covers the whole reference", "[cli][markup]") {
  Scratch s;
  write(s.dir / "a.html", "<p>He said &ldquo;the plan was ready.</p>\n");
  write(s.dir / "b.html", "<p>He said &quot;the plan was ready.</p>\n");
  write(s.dir / "c.md", "He said &ldquo;the plan was ready.\n");
  for (const char* name : {"a.html", "c.md"}) {
    INFO(name);
    const auto f = findings(cli(s, std::string("check --format json ") + name));
    REQUIRE(f.size() == 1);
    CHECK(std::get<2>(f[0]) == "&ldquo;");
  }
  const auto f = findings(cli(s, "check --format json b.html"));
  REQUIRE(f.size() == 1);
  CHECK(std::get<2>(f[0]) == "&quot;");
  // Balanced, the references are plain quotation marks: nothing to report.
  write(s.dir / "d.html", "<p>He said &ldquo;the plan was ready.&rdquo;</p>\n");
  CHECK(findings(cli(s, "check --format json d.html")).empty());
}

TEST_CASE("an image's alt text and the page title are read as prose", "[cli][markup]") {
  Scratch s;
  write(s.dir / "a.html",
        "<html><head><title>Council adressed the flood</title></head>\n"
        "<body><p>The council met.</p><img src=\"flod_barier.jpg\" alt=\"The minister adressed reporters\"></body></html>\n");
  const auto f = findings(cli(s, "check --format json a.html"));
  CHECK(f == std::vector<Finding>{{"spelling.unknown-word", 1, "adressed"}, {"spelling.unknown-word", 2, "adressed"}});
  write(s.dir / "b.md", "The council met.\n\n![The minister adressed reporters](flod_barier.jpg)\n");
  CHECK(findings(cli(s, "check --format json b.md")) == std::vector<Finding>{{"spelling.unknown-word", 3, "adressed"}});
}

TEST_CASE("each file is checked under the nearest configuration above it", "[cli][config]") {
  Scratch s;
  write(s.dir / "desk" / ".copydesk.yaml", "rules:\n  spelling.unknown-word: off\n");
  write(s.dir / "desk" / "in" / "a.txt", kOneTypo);
  write(s.dir / "other" / "b.txt", kOneTypo);
  const Run r = cli(s, "check --format json desk/in/a.txt other/b.txt");
  CHECK(findings(r, 0).empty());
  CHECK(findings(r, 1).size() == 1);
  // Standard input named: its configuration, its format (front matter skipped), its name.
  const Run named = cli(s, "check --format json --stdin-filename desk/in/new.md",
                             "---\nslug: flod-barier\n---\n" + kOneTypo);
  CHECK(nlohmann::json::parse(named.out)["files"][0]["path"] == "desk/in/new.md");
  CHECK(findings(named).empty());
  CHECK(findings(cli(s, "check --format json --stdin-filename other/new.md", "---\nslug: flod-barier\n---\n" + kOneTypo)) ==
        std::vector<Finding>{{"spelling.unknown-word", 4, "adressed"}});
}

TEST_CASE("walking a folder skips what .gitignore, ignore: and --exclude leave out", "[cli][walk]") {
  Scratch s;
  git(s, "init -q .");
  write(s.dir / ".gitignore", "build/\n*.tmp.md\n");
  write(s.dir / ".copydesk.yaml", "ignore: [archive/**]\n");
  for (const char* file : {"news/a.txt", "build/b.txt", "drafts/c.txt", "news/d.tmp.md", "archive/2019/e.txt", "news/f.md"})
    write(s.dir / file, kOneTypo);
  const auto j = nlohmann::json::parse(cli(s, "check --format json --exclude 'drafts/**' --exclude '*.md' .").out);
  std::vector<std::string> paths;
  for (const auto& f : j["files"]) paths.push_back(f["path"]);
  CHECK(paths == std::vector<std::string>{"./news/a.txt"});
  // A near miss of a pattern stays; without --exclude, what only it left out comes back.
  write(s.dir / "drafts-old" / "g.txt", kOneTypo);
  const auto near = nlohmann::json::parse(cli(s, "check --format json --exclude 'drafts/**' .").out);
  paths.clear();
  for (const auto& f : near["files"]) paths.push_back(f["path"]);
  CHECK(paths == std::vector<std::string>{"./drafts-old/g.txt", "./news/a.txt", "./news/f.md"});
  const auto all = nlohmann::json::parse(cli(s, "check --format json .").out);
  CHECK(all["files"].size() == 4);
}

TEST_CASE("changed lines: --diff-base and --diff report what the change brought, not what was there", "[cli][diff]") {
  Scratch s;
  git(s, "init -q .");
  // Before: one spelling of the name (consistent), an old typo.
  write(s.dir / "story.txt",
        "Mayor Helena Vartanien said the barrier would protect about 4,000 homes.\n\n"
        "The council adressed the question of cost on Thursday.\n\n"
        "The contract goes to a local firm.\n");
  git(s, "add story.txt");
  git(s, "commit -q -m before");
  // The change: one line rewritten with the name three times its new way, and a new typo.
  write(s.dir / "story.txt",
        "Mayor Helena Vartanien said the barrier would protect about 4,000 homes.\n\n"
        "The council adressed the question of cost on Thursday.\n\n"
        "Vartanian said the contract goes to a local firm, Vartanian told reporters. Vartanian will recieve the plans.\n");
  git(s, "commit -q -a -m after");
  const auto everything = findings(cli(s, "check --format json story.txt"));
  CHECK(has(everything, "spelling.unknown-word", 3));  // the old typo is still there
  const Run changed = cli(s, "check --format json --diff-base HEAD~1 story.txt");
  const auto f = findings(changed);
  CHECK(has(f, "spelling.unknown-word", 5));             // the new typo
  CHECK(has(f, "names.inconsistent-spelling", 1));       // caused by the change, on a line it did not touch
  CHECK_FALSE(has(f, "spelling.unknown-word", 3));       // there before, not reported
  CHECK(changed.status == 1);

  // The same from a unified diff file.
  const std::string cmd = "cd '" + s.dir.string() + "' && git diff HEAD~1 > change.diff";
  REQUIRE(std::system(cmd.c_str()) == 0);
  CHECK(findings(cli(s, "check --format json --diff change.diff story.txt")) == f);
  // A file the change does not touch reports nothing.
  write(s.dir / "other.txt", kOneTypo);
  CHECK(findings(cli(s, "check --format json --diff change.diff other.txt")).empty());

  const Run bad = cli(s, "check --diff-base no-such-rev story.txt");
  CHECK(bad.status == 2);
  CHECK(bad.err.find("story.txt: git diff no-such-rev failed") != std::string::npos);
  CHECK(bad.out.empty());
}
