// End-to-end tests of --fix and --fix-dry-run: only safe fixes, never in markup, never
// two overlapping, written atomically, nothing written when the file changed or the
// process dies before the rename.
#include <catch2/catch.hpp>
#include <sys/stat.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "e2e/run.hpp"
#include "support.hpp"

namespace fs = std::filesystem;
using namespace e2e;
using nlohmann::json;

namespace {

std::set<std::string> safe_rules(const Scratch& s) {
  std::set<std::string> safe;
  for (const json& r : json::parse(cli(s, "rules --format json").out))
    if (r["safe_fix"] == true) safe.insert(r["id"]);
  return safe;
}

json findings(const Scratch& s, const std::string& file) {
  return json::parse(cli(s, "check --format json --fail-on none " + file).out)["files"][0]["diagnostics"];
}

}  // namespace

TEST_CASE("fixing the seed article (--fix) applies the safe fixes and nothing else", "[cli][fix][corpus]") {
  const std::string shared = copydesk::test::shared_dir();
  if (shared.empty()) {
    WARN("../shared/corpus is not beside the checkout: the seed fix test is skipped");
    return;
  }
  Scratch s;
  const std::string original = slurp(fs::path(shared) / "corpus/seed/000_70c2cf35952770fb.txt");
  write(s.dir / "seed.txt", original);
  const std::set<std::string> safe = safe_rules(s);
  const json before = findings(s, "seed.txt");

  // What --fix must do, from the report: each safe rule's one suggestion, in order.
  std::string expected;
  std::size_t copied = 0, safe_findings = 0, unsafe_findings = 0;
  for (const json& d : before) {
    if (!safe.count(d["rule"]) || d["suggestions"].size() != 1) {
      unsafe_findings += 1;
      continue;
    }
    const std::size_t offset = d["offset"], length = d["length"];
    REQUIRE(offset >= copied);  // the seed has no overlapping fixes
    expected += original.substr(copied, offset - copied) + d["suggestions"][0].get<std::string>();
    copied = offset + length;
    ++safe_findings;
  }
  expected += original.substr(copied);
  REQUIRE(safe_findings > 0);

  const Run fixed = cli(s, "check --fix --format json seed.txt");
  CHECK(fixed.err.find("fixed " + std::to_string(safe_findings) + " finding") != std::string::npos);
  CHECK(slurp(s.dir / "seed.txt") == expected);
  // The report after --fix is of the fixed text: none of the safe rules is left...
  const json after = json::parse(fixed.out)["files"][0]["diagnostics"];
  for (const json& d : after) CHECK(!(safe.count(d["rule"]) && d["suggestions"].size() == 1));
  // ...and a fresh check agrees, while every other finding is still there.
  const json recheck = findings(s, "seed.txt");
  CHECK(recheck == after);
  std::map<std::string, int> unsafe_before, unsafe_after;
  for (const json& d : before)
    if (!safe.count(d["rule"])) ++unsafe_before[d["rule"]];
  for (const json& d : recheck)
    if (!safe.count(d["rule"])) ++unsafe_after[d["rule"]];
  CHECK(unsafe_after == unsafe_before);
  INFO("safe fixes applied to the seed: " << safe_findings << " of " << before.size() << " findings");
  CHECK(safe_findings + unsafe_findings == before.size());
}

TEST_CASE("a dry run (--fix-dry-run) prints a unified diff that patch applies, and writes nothing", "[cli][fix]") {
  Scratch s;
  const std::string story = "Blinken met the minister.\n\nBlinken spoke. Blinken left.\n\nBlingen said the the talks  went well.";
  write(s.dir / "story.txt", story);  // no line break at the end: diff must say so
  const Run dry = cli(s, "check --fix-dry-run story.txt");
  CHECK(dry.status == 1);
  CHECK(dry.out.rfind("--- a/story.txt\n+++ b/story.txt\n@@ -2,4 +2,4 @@\n", 0) == 0);
  CHECK(dry.out.find("-Blingen said the the talks  went well.\n\\ No newline at end of file\n"
                     "+Blinken said the talks went well.\n\\ No newline at end of file\n") != std::string::npos);
  CHECK(dry.err.find("would fix 3 findings in 1 file") != std::string::npos);
  CHECK(slurp(s.dir / "story.txt") == story);
  write(s.dir / "dry.diff", dry.out);
  CHECK(shell(s, "patch -p1 --quiet -i dry.diff").status == 0);
  CHECK(slurp(s.dir / "story.txt") == "Blinken met the minister.\n\nBlinken spoke. Blinken left.\n\nBlinken said the talks went well.");
  CHECK(cli(s, "check --fix-dry-run story.txt").out.empty());
  CHECK(cli(s, "check --fix --fix-dry-run story.txt").status == 2);
}

TEST_CASE("fixing (--fix) leaves markup, unsafe suggestions and overlapping fixes alone", "[cli][fix]") {
  Scratch s;
  // The doubled word runs across a tag: its fix would delete markup.
  const std::string html = "<p>He said the <b>the</b> talks went well.</p>\n";
  write(s.dir / "page.html", html);
  json found = findings(s, "page.html");
  REQUIRE(found.size() == 1);
  CHECK(found[0]["rule"] == "repetition.doubled-word");
  const Run page = cli(s, "check --fix page.html");
  CHECK(page.status == 1);
  CHECK(slurp(s.dir / "page.html") == html);
  // Two safe fixes over one span (a doubled word with two spaces in it): neither.
  const std::string overlap = "He said the  the talks went well.\n";
  write(s.dir / "overlap.txt", overlap);
  REQUIRE(findings(s, "overlap.txt").size() == 2);
  CHECK(cli(s, "check --fix overlap.txt").err.find("fixed 0 findings") != std::string::npos);
  CHECK(slurp(s.dir / "overlap.txt") == overlap);
  // A typo has several readings: not safe.
  write(s.dir / "typo.txt", kTypo);
  cli(s, "check --fix typo.txt");
  CHECK(slurp(s.dir / "typo.txt") == kTypo);
  // Standard input is never fixed.
  CHECK(cli(s, "check --fix -", "He said the the talks went well.\n").err.find("fixed 0 findings") != std::string::npos);
}

TEST_CASE("fixing (--fix) writes atomically and keeps the file's mode", "[cli][fix]") {
  Scratch s;
  const std::string text = "He said the the talks went well.\n";
  write(s.dir / "a.txt", text);
  fs::permissions(s.dir / "a.txt", fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  const Run r = cli(s, "check --fix a.txt");
  CHECK(r.status == 0);
  CHECK(slurp(s.dir / "a.txt") == "He said the talks went well.\n");
  CHECK((fs::status(s.dir / "a.txt").permissions() & fs::perms::all) ==
        (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read));
  for (const auto& e : fs::directory_iterator(s.dir)) CHECK(e.path().filename().string().find(".copydesk-") == std::string::npos);
}

TEST_CASE("a fix interrupted between the write and the rename leaves the original byte for byte", "[cli][fix]") {
  Scratch s;
  const std::string text = "Blinken met the minister.\n\nBlinken spoke. Blinken left.\n\nBlingen said the the talks went well.\n";
  write(s.dir / "a.txt", text);
  // The test hook aborts the process after the temporary file is written and synced.
  const Run killed = cli(s, "check --fix a.txt", "", "COPYDESK_TEST_ABORT_BEFORE_RENAME=1");
  CHECK(killed.status != 0);
  CHECK(killed.status != 1);
  CHECK(killed.status != 2);
  CHECK(slurp(s.dir / "a.txt") == text);
  // Without the hook the same run fixes the file.
  CHECK(cli(s, "check --fix a.txt").status == 0);
  CHECK(slurp(s.dir / "a.txt") == "Blinken met the minister.\n\nBlinken spoke. Blinken left.\n\nBlinken said the talks went well.\n");
}
