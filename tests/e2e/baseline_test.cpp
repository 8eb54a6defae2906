// End-to-end tests of baselines: `copydesk baseline write` records today's findings and
// `check --baseline` reports only the ones found since, however the lines moved.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "e2e/run.hpp"

using namespace e2e;
using nlohmann::json;

namespace {

const std::string kStory =
    "Blinken met the minister in Geneva on Friday.\n\n"
    "Blinken said talks would go on. Blinken flew home on Saturday.\n\n"
    "Blingen told reporters that he adressed the main points.\n";

}  // namespace

TEST_CASE("a baseline survives a paragraph inserted above its findings", "[cli][baseline]") {
  Scratch s;
  write(s.dir / "story.txt", kStory);
  const Run written = cli(s, "baseline write base.json story.txt");
  REQUIRE(written.status == 0);
  CHECK(written.err.find("2 findings recorded in base.json") != std::string::npos);
  const json base = json::parse(slurp(s.dir / "base.json"));
  REQUIRE(base["findings"].size() == 2);
  CHECK(base["findings"][0]["path"] == "story.txt");
  CHECK(base["findings"][0]["rule"] == "names.inconsistent-spelling");

  CHECK(cli(s, "check story.txt").status == 1);
  write(s.dir / "story.txt", "A new first paragraph, written today.\n\n" + kStory);
  const Run moved = cli(s, "check --baseline base.json --format json story.txt");
  CHECK(moved.status == 0);
  CHECK(json::parse(moved.out)["files"][0]["diagnostics"].empty());
  // "./story.txt" names the same file.
  CHECK(cli(s, "check --baseline base.json ./story.txt").status == 0);
}

TEST_CASE("a baseline lets new findings through, and a second copy of an old one", "[cli][baseline]") {
  Scratch s;
  write(s.dir / "story.txt", kStory);
  REQUIRE(cli(s, "baseline write base.json story.txt").status == 0);

  write(s.dir / "story.txt", kStory + "\nThe talks were recieved well.\n");
  const json added = json::parse(cli(s, "check --baseline base.json --format json story.txt").out);
  REQUIRE(added["files"][0]["diagnostics"].size() == 1);
  CHECK(added["files"][0]["diagnostics"][0]["text"] == "recieved");

  // The same slip again in another sentence is a new finding.
  write(s.dir / "story.txt", kStory + "\nLater he adressed the main points.\n");
  const json twice = json::parse(cli(s, "check --baseline base.json --format json story.txt").out);
  REQUIRE(twice["files"][0]["diagnostics"].size() == 1);
  CHECK(twice["files"][0]["diagnostics"][0]["line"] == 7);

  // The same findings in another file are not covered.
  write(s.dir / "other.txt", kStory);
  CHECK(cli(s, "check --baseline base.json other.txt").status == 1);
}

TEST_CASE("an unreadable or foreign baseline stops the run with exit status 2", "[cli][baseline]") {
  Scratch s;
  write(s.dir / "story.txt", kStory);
  const Run missing = cli(s, "check --baseline none.json story.txt");
  CHECK(missing.status == 2);
  CHECK(missing.err.find("none.json: cannot be read") != std::string::npos);
  write(s.dir / "sarif.json", "{\"version\": \"2.1.0\", \"runs\": []}");
  const Run foreign = cli(s, "check --baseline sarif.json story.txt");
  CHECK(foreign.status == 2);
  CHECK(foreign.err.find("sarif.json: not a copydesk baseline") != std::string::npos);
  write(s.dir / "broken.json", "{\"copydesk-baseline\": 1, \"findings\": [{\"path\": 3}]}");
  const Run broken = cli(s, "check --baseline broken.json story.txt");
  CHECK(broken.status == 2);
  CHECK(broken.err.find("broken.json: not a copydesk baseline") != std::string::npos);
  CHECK(broken.out.empty());
}
