// The unified diff as copydesk reads it, and the ignore patterns.
#include <catch2/catch.hpp>

#include "api/glob.hpp"
#include "api/unified_diff.hpp"
#include "copydesk/error.hpp"

using namespace copydesk;

TEST_CASE("a unified diff gives the added lines and rebuilds the version before", "[diff]") {
  const std::string before = "one\ntwo\nthree\nfour\nfive\n";
  const std::string after = "one\nTWO\nthree\nfour\nfour and a half\nfive\n";
  const std::string diff =
      "diff --git a/x.txt b/x.txt\n--- a/x.txt\n+++ b/x.txt\n"
      "@@ -1,3 +1,3 @@\n one\n-two\n+TWO\n three\n"
      "@@ -4,0 +5 @@\n+four and a half\n";
  const auto files = parse_unified_diff(diff);
  REQUIRE(files.size() == 1);
  CHECK(files[0].path == "b/x.txt");
  CHECK(files[0].added == std::set<std::size_t>{2, 5});
  CHECK(old_version(after, files[0]) == before);
  // A deletion adds no line; a new file is all added.
  const auto removed = parse_unified_diff("+++ b/y.txt\n@@ -2 +1,0 @@\n-gone\n");
  CHECK(removed[0].added.empty());
  CHECK(old_version("kept\n", removed[0]) == "kept\ngone\n");
  CHECK(parse_unified_diff("--- /dev/null\n+++ b/z.txt\n@@ -0,0 +1,2 @@\n+a\n+b\n")[0].added ==
        std::set<std::size_t>{1, 2});
  CHECK_THROWS_AS(parse_unified_diff("+++ b/x.txt\n@@ -1 +one @@\n"), InputError);
}

TEST_CASE("ignore patterns match names, paths and folders, not their near misses", "[walk]") {
  CHECK(glob_matches("drafts/**", "drafts/2025/a.md"));
  CHECK(glob_matches("drafts", "./drafts/a.md"));
  CHECK_FALSE(glob_matches("drafts/**", "drafts-old/a.md"));
  CHECK(glob_matches("*.tmp.md", "news/deep/x.tmp.md"));
  CHECK_FALSE(glob_matches("*.tmp.md", "news/x.md"));
  CHECK(glob_matches("news/*.md", "news/x.md"));
  CHECK_FALSE(glob_matches("news/*.md", "news/deep/x.md"));  // * stays within one name
}
