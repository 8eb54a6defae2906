// The compiled form of the shipped rule packs (rules.bin): the rules it gives are the
// rules their YAML gives, and it is used only for the very packs it was made from.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "config/compiled_rules.hpp"
#include "config/config.hpp"

using namespace copydesk;
namespace fs = std::filesystem;

namespace {

const fs::path kRules = fs::path(COPYDESK_SOURCE_DIR) / "rules";

// A data folder of its own holding a copy of the shipped packs, removed at the end.
struct ScratchData {
  fs::path dir = fs::temp_directory_path() / ("copydesk-compiled-rules-" + std::to_string(::getpid()));
  ScratchData() {
    fs::remove_all(dir);
    fs::create_directories(dir);
    fs::copy(kRules, dir / "rules");
  }
  ~ScratchData() { fs::remove_all(dir); }
  fs::path rules() const { return dir / "rules"; }
  fs::path compiled() const { return dir / "rules.bin"; }
  void write(const fs::path& file, const std::string& bytes) const { std::ofstream(file, std::ios::binary) << bytes; }
};

std::string read_bytes(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

bool same_mark(const YAML::Mark& a, const YAML::Mark& b) {
  return a.pos == b.pos && a.line == b.line && a.column == b.column;
}

// Everything a check, `explain` or an error may read of a node but the positions of
// values, which only yaml-cpp's parser can give.
bool same_node(const YAML::Node& a, const YAML::Node& b) {
  if (a.Type() != b.Type() || a.Tag() != b.Tag() || a.Style() != b.Style() || a.size() != b.size()) return false;
  if (a.IsScalar()) return a.Scalar() == b.Scalar();
  if (a.IsSequence()) {
    for (std::size_t i = 0; i < a.size(); ++i)
      if (!same_node(a[i], b[i])) return false;
  }
  if (a.IsMap()) {
    auto j = b.begin();
    for (auto i = a.begin(); i != a.end(); ++i, ++j)
      if (!same_node(i->first, j->first) || !same_node(i->second, j->second)) return false;
  }
  return YAML::Dump(a) == YAML::Dump(b);
}

void check_same_rules(const std::vector<Rule>& yaml, const std::vector<Rule>& compiled) {
  REQUIRE(compiled.size() == yaml.size());
  for (std::size_t i = 0; i < yaml.size(); ++i) {
    const Rule& a = yaml[i];
    const Rule& b = compiled[i];
    INFO("rule " << a.id);
    CHECK(a.id == b.id);
    CHECK(a.kind == b.kind);
    CHECK(a.category == b.category);
    CHECK(a.severity == b.severity);
    CHECK(a.enabled == b.enabled);
    CHECK(a.message == b.message);
    CHECK(a.description == b.description);
    CHECK(a.example == b.example);
    CHECK(a.safe_fix == b.safe_fix);
    CHECK(a.help_uri == b.help_uri);
    CHECK(a.origin == b.origin);
    CHECK(same_mark(a.mark, b.mark));
    CHECK(a.options.IsDefined() == b.options.IsDefined());
    CHECK(same_node(a.options, b.options));
    REQUIRE(a.option_origins.size() == b.option_origins.size());
    for (auto x = a.option_origins.begin(), y = b.option_origins.begin(); x != a.option_origins.end(); ++x, ++y) {
      CHECK(x->first == y->first);
      CHECK(x->second.file == y->second.file);
      CHECK(same_mark(x->second.mark, y->second.mark));
    }
    REQUIRE(a.examples.size() == b.examples.size());
    for (std::size_t e = 0; e < a.examples.size(); ++e) {
      CHECK(a.examples[e].text == b.examples[e].text);
      CHECK(a.examples[e].fires == b.examples[e].fires);
      CHECK(a.examples[e].suggestion == b.examples[e].suggestion);
      CHECK(same_mark(a.examples[e].mark, b.examples[e].mark));
      CHECK(same_node(a.examples[e].options, b.examples[e].options));
    }
  }
}

}  // namespace

TEST_CASE("the shipped rules read from their compiled form are the rules their YAML gives", "[compiled-rules]") {
  const ScratchData data;
  data.write(data.compiled(), compile_rule_dir(data.rules()));
  const std::optional<std::vector<Rule>> compiled = read_compiled_rules(data.compiled(), data.rules());
  REQUIRE(compiled.has_value());
  const std::vector<Rule> yaml = load_rule_dir(data.rules());
  CHECK(yaml.size() > 30);
  check_same_rules(yaml, *compiled);
  // Among them, options given to a rule and to an example alone, so both were compared.
  CHECK(std::any_of(yaml.begin(), yaml.end(), [](const Rule& r) { return r.options.IsMap() && r.options.size() > 1; }));
  CHECK(std::any_of(yaml.begin(), yaml.end(), [](const Rule& r) {
    return std::any_of(r.examples.begin(), r.examples.end(), [](const RuleExample& e) { return e.options.IsMap(); });
  }));
}

TEST_CASE("a run reads the build's compiled rules, made from the packs in rules/", "[compiled-rules]") {
  const fs::path built = fs::path(COPYDESK_BUILD_DIR) / "rules.bin";
  REQUIRE(fs::exists(built));
  const std::optional<std::vector<Rule>> compiled = read_compiled_rules(built, kRules);
  REQUIRE(compiled.has_value());
  check_same_rules(load_rule_dir(kRules), *compiled);
  check_same_rules(load_rule_dir(kRules), load_shipped_rules(COPYDESK_SOURCE_DIR));
}

TEST_CASE("a compiled rule file made from other packs is not used", "[compiled-rules]") {
  const ScratchData data;
  const std::string bytes = compile_rule_dir(data.rules());
  data.write(data.compiled(), bytes);
  const fs::path pack = data.rules() / "style.yaml";
  REQUIRE(read_compiled_rules(data.compiled(), data.rules()).has_value());

  SECTION("a pack edited since: its YAML is read, edit and all") {
    std::string yaml = read_bytes(pack);
    const std::string message = "message: ";
    yaml.insert(yaml.find(message) + message.size(), "Edited. ");
    data.write(pack, yaml);
    CHECK_FALSE(read_compiled_rules(data.compiled(), data.rules()).has_value());
    const std::vector<Rule> rules = load_shipped_rules(data.dir);
    CHECK(std::any_of(rules.begin(), rules.end(), [](const Rule& r) { return r.message.starts_with("Edited. "); }));
  }
  SECTION("a pack added since") {
    data.write(data.rules() / "zz-house.yaml", "- id: style.house\n  kind: existence\n  options: {phrases: [going forward]}\n");
    CHECK_FALSE(read_compiled_rules(data.compiled(), data.rules()).has_value());
    const std::vector<Rule> rules = load_shipped_rules(data.dir);
    CHECK(rules.back().id == "style.house");
  }
  SECTION("a pack removed since") {
    fs::remove(pack);
    CHECK_FALSE(read_compiled_rules(data.compiled(), data.rules()).has_value());
    check_same_rules(load_rule_dir(data.rules()), load_shipped_rules(data.dir));
  }
  SECTION("no compiled file, or one of another format version") {
    CHECK_FALSE(read_compiled_rules(data.dir / "missing.bin", data.rules()).has_value());
    data.write(data.compiled(), "copydesk compiled rules, format 0\n" + bytes.substr(bytes.find('\n') + 1));
    CHECK_FALSE(read_compiled_rules(data.compiled(), data.rules()).has_value());
  }
}

TEST_CASE("a damaged compiled rule file is an error that names it", "[compiled-rules]") {
  const ScratchData data;
  const std::string bytes = compile_rule_dir(data.rules());
  const std::string header = bytes.substr(0, bytes.find('\n') + 1);
  SECTION("cut short") { data.write(data.compiled(), bytes.substr(0, bytes.size() / 2)); }
  SECTION("well-formed, but not rules") {
    std::string body;
    nlohmann::json::to_cbor(nlohmann::json{{"packs", 3}}, body);
    data.write(data.compiled(), header + body);
  }
  SECTION("a rule that names a pack it does not list") {
    nlohmann::json whole = nlohmann::json::from_cbor(bytes.substr(header.size()));
    whole["rules"][0]["pack"] = 99;
    std::string body;
    nlohmann::json::to_cbor(whole, body);
    data.write(data.compiled(), header + body);
  }
  CHECK_THROWS_WITH(read_compiled_rules(data.compiled(), data.rules()),
                    Catch::Contains(data.compiled().string() + ": not a usable compiled rule file"));
  CHECK_THROWS_AS(load_shipped_rules(data.dir), ConfigError);
}

TEST_CASE("a rule pack that does not load stops its compiling, with its place", "[compiled-rules]") {
  const ScratchData data;
  data.write(data.rules() / "broken.yaml", "- id: style.broken\n  kind: [existence\n");
  CHECK_THROWS_WITH(compile_rule_dir(data.rules()), Catch::Contains("broken.yaml:3:1: end of sequence flow not found"));
}
