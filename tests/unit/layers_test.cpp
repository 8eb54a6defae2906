// The folders of lint/ depend on each other one way only: a file may include its own
// folder and the folders of lower layers, never a higher one (ARCHITECTURE.md).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <string>

namespace fs = std::filesystem;

namespace {

// Layer of each top folder of lint/, lowest first; equal layers may not include each other.
const std::map<std::string, int> kLayer = {
    {"include", 0}, {"base", 0},  // public types (copydesk/*.hpp) and text helpers
    {"source", 1},                // bytes, UTF-8, markup blanked to prose
    {"lm", 2},                    // the language model
    {"spell", 3}, {"tagger", 3},  // dictionaries and the lexicon; the part-of-speech tagger
    {"document", 4},              // segmentation, built with the speller and the tagger
    {"config", 5},                // rules and .copydesk.yaml as data
    {"engine", 6},                // checks' interface, the registry, the engine
    {"checks", 7},                // the check kinds
    {"report", 8},                // output formats
    {"api", 9},                   // libcopydesk's facade
    {"lsp", 10},                  // the language server, over the facade
    {"cli", 11},                  // the command line
};

// The folder an include names: "checks/names/names.hpp" → checks, "copydesk/x.hpp" → include.
std::string folder_of_include(const std::string& path) {
  const std::string top = path.substr(0, path.find('/'));
  return top == "copydesk" ? "include" : top;
}

}  // namespace

TEST_CASE("includes point down the layers of lint/, and a check kind's folder only to its own or shared",
          "[layers]") {
  const fs::path lint = fs::path(COPYDESK_SOURCE_DIR) / "lint";
  const std::regex include(R"re(^\s*#include "([a-z_]+(?:/[a-z_]+)*/[a-z_]+\.hpp)")re");
  std::size_t files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(lint)) {
    if (!entry.is_regular_file() || (entry.path().extension() != ".cpp" && entry.path().extension() != ".hpp"))
      continue;
    ++files;
    const fs::path rel = fs::relative(entry.path(), lint);
    const std::string from = rel.begin()->string();
    REQUIRE(kLayer.count(from) == 1);
    std::ifstream in(entry.path());
    std::string line;
    for (int n = 1; std::getline(in, line); ++n) {
      std::smatch m;
      if (!std::regex_search(line, m, include)) continue;
      const std::string target = m[1];
      const std::string to = folder_of_include(target);
      INFO(rel.string() << ":" << n << " includes " << target);
      REQUIRE(kLayer.count(to) == 1);
      if (to == from) {
        // Inside checks/: a category's own folder, or checks/shared.
        if (from == "checks") {
          const std::string category = std::next(rel.begin())->string();
          const std::string included = target.substr(7, target.find('/', 7) - 7);
          CHECK((included == category || included == "shared"));
        }
        continue;
      }
      CHECK(kLayer.at(to) < kLayer.at(from));
    }
  }
  CHECK(files > 50);
}
