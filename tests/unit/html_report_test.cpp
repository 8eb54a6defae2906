// The proof page (--format html): escaping, marks and notes, related places linked, and
// a page that grows in step with its findings.
#include <catch2/catch.hpp>

#include <regex>

#include "copydesk/copydesk.hpp"
#include "report/reporter.hpp"

namespace {

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

const copydesk::Linter& linter() {
  static const copydesk::Linter instance{copydesk::Options{}};
  return instance;
}

std::string page_of(const std::string& text, const std::string& path = "story.txt") {
  return linter().render({linter().check(text, path)}, "html");
}

}  // namespace

TEST_CASE("HTML escaping turns exactly the five special characters into references", "[html]") {
  CHECK(copydesk::escape_html(R"(<a href="x">Tom & Jerry's</a>)") ==
        "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
  CHECK(copydesk::escape_html("“Kyiv” – café 😀") == "“Kyiv” – café 😀");
  CHECK(copydesk::escape_html("") == "");
}

TEST_CASE("the proof page marks each finding at its text, with a note and its related places", "[html]") {
  const std::string text =
      "Blinken arrived in Kyiv on Monday.\n\nBlingen met the <b>president</b> the the next day.\n\nBlinken left.\n";
  const std::string page = page_of(text);
  CHECK(page.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(page.find("<script") == std::string::npos);
  CHECK(page.find("://") == std::string::npos);  // nothing fetched from anywhere
  CHECK(page.find("content=\"default-src 'none'; style-src 'unsafe-inline'\"") != std::string::npos);
  // The markup in the story is shown as text, not obeyed.
  CHECK(page.find("data-findings=\"2\">&lt;b&gt;</mark>") != std::string::npos);
  CHECK(page.find("<b>") == std::string::npos);
  CHECK(page.find("<mark class=\"cat-names\" data-findings=\"1\">Blingen</mark><sup><a href=\"#f1-n1\">1</a></sup>") !=
        std::string::npos);
  CHECK(count(page, "<li class=\"note cat-names") == 1);
  CHECK(page.find("→ “Blinken”") != std::string::npos);
  // The other spelling is a place the note links to, marked where it is.
  CHECK(count(page, "<span class=\"place\">Blinken</span>") == 1);
  const std::regex related(R"re(See <a href="#(f1-p\d+)" title="[^"]*">1:1</a>)re");
  std::smatch m;
  REQUIRE(std::regex_search(page, m, related));
  CHECK(page.find("<a class=\"anchor\" id=\"" + m[1].str() + "\"></a><span class=\"place\">Blinken") != std::string::npos);
  CHECK(page.find("data-findings=\"4\">the the</mark>") != std::string::npos);
  // Counts per category at the top; no table of files for one file.
  CHECK(page.find("<span class=\"swatch\"></span>names</td><td class=\"n\">1</td>") != std::string::npos);
  CHECK(page.find("class=\"files\"") == std::string::npos);
  CHECK(page.find("@media print") != std::string::npos);
}

TEST_CASE("a clean story gets a page with no marks; several files get a table of files", "[html]") {
  const auto clean = linter().check("The minister addressed reporters on Wednesday.\n", "a.txt");
  const auto other = linter().check("He said it it twice.\n", "b & c.txt");
  const std::string one = linter().render({clean}, "html");
  CHECK(one.find("<mark") == std::string::npos);
  CHECK(one.find("<li class=\"note") == std::string::npos);
  CHECK(one.find("The minister addressed reporters on Wednesday.") != std::string::npos);
  const std::string two = linter().render({clean, other}, "html");
  CHECK(two.find("<table class=\"files\">") != std::string::npos);
  CHECK(two.find("<a href=\"#f2\">b &amp; c.txt</a>") != std::string::npos);
  CHECK(two.find("<section class=\"article\" id=\"f2\">") != std::string::npos);
}

TEST_CASE("thousands of findings make a page that grows in step with them", "[html]") {
  std::string text;
  for (int i = 0; i < 3000; ++i) text += "The mayor said the the vote was close.\n";
  copydesk::Options all;
  all.limits.findings_per_rule = 0;  // every finding, not the first 100 of a rule
  const copydesk::Linter uncapped{all};
  const auto result = uncapped.check(text, "long.txt");
  REQUIRE(result.diagnostics.size() >= 3000);
  const std::string page = uncapped.render({result}, "html");
  CHECK(count(page, "<li class=\"note") == result.diagnostics.size());
  // A mark per finding, and one more where two findings cross.
  CHECK(count(page, "<mark ") >= result.diagnostics.size());
  CHECK(count(page, "<mark ") <= 2 * result.diagnostics.size());
  CHECK(page.size() < 5000 + 1000 * result.diagnostics.size());
}
