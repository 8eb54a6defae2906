#include "config/compiled_rules.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "base/mapped_file.hpp"
#include "config/config.hpp"

namespace copydesk {
namespace {

using nlohmann::json;

// Then CBOR (nlohmann-json's): {"packs": [{"name", "hash"}], "rules": [...]}. A file
// that does not start so is of another format version and is not used.
constexpr std::string_view kHeader = "copydesk compiled rules, format 1\n";

// Names a pack's bytes. The library's own hash is enough: the file is made and read by
// one build, and a hash that came out otherwise would only send the run to the YAML.
std::size_t pack_hash(std::string_view bytes) { return std::hash<std::string_view>{}(bytes); }

json mark_json(const YAML::Mark& mark) { return json::array({mark.pos, mark.line, mark.column}); }

YAML::Mark mark_from(const json& j) {
  YAML::Mark mark;
  mark.pos = j.at(0).get<int>();
  mark.line = j.at(1).get<int>();
  mark.column = j.at(2).get<int>();
  return mark;
}

// A node with what a check or `explain` may read of it: its type, tag (a quoted scalar's
// differs from a plain one's), style (a flow list is dumped as one) and contents.
json node_json(const YAML::Node& node) {
  json j = {{"type", static_cast<int>(node.Type())}, {"tag", node.Tag()}, {"style", static_cast<int>(node.Style())}};
  if (node.IsScalar()) {
    j["scalar"] = node.Scalar();
  } else if (node.IsSequence()) {
    json& items = j["items"] = json::array();
    for (const YAML::Node& item : node) items.push_back(node_json(item));
  } else if (node.IsMap()) {
    json& pairs = j["pairs"] = json::array();
    for (const auto& kv : node) pairs.push_back(json::array({node_json(kv.first), node_json(kv.second)}));
  }
  return j;
}

YAML::Node node_from(const json& j) {
  YAML::Node node;
  switch (static_cast<YAML::NodeType::value>(j.at("type").get<int>())) {
    case YAML::NodeType::Null:
      node = YAML::Node(YAML::NodeType::Null);
      break;
    case YAML::NodeType::Scalar:
      node = YAML::Node(j.at("scalar").get<std::string>());
      break;
    case YAML::NodeType::Sequence:
      node = YAML::Node(YAML::NodeType::Sequence);
      for (const json& item : j.at("items")) node.push_back(node_from(item));
      break;
    case YAML::NodeType::Map:
      node = YAML::Node(YAML::NodeType::Map);
      for (const json& pair : j.at("pairs")) node.force_insert(node_from(pair.at(0)), node_from(pair.at(1)));
      break;
    default:
      throw std::out_of_range("unknown node type");
  }
  node.SetTag(j.at("tag").get<std::string>());
  node.SetStyle(static_cast<YAML::EmitterStyle::value>(j.at("style").get<int>()));
  return node;
}

json rule_json(const Rule& r, std::size_t pack) {
  json j = {{"pack", pack},
            {"mark", mark_json(r.mark)},
            {"id", r.id},
            {"kind", r.kind},
            {"category", r.category},
            {"severity", static_cast<int>(r.severity)},
            {"enabled", r.enabled},
            {"message", r.message},
            {"description", r.description},
            {"example", r.example},
            {"safe_fix", r.safe_fix},
            {"help_uri", r.help_uri},
            {"examples", json::array()},
            {"option_marks", json::object()}};
  for (const RuleExample& e : r.examples) {
    json example = {{"text", e.text}, {"fires", e.fires}, {"suggestion", e.suggestion}, {"mark", mark_json(e.mark)}};
    if (e.options.IsMap()) example["options"] = node_json(e.options);
    j["examples"].push_back(std::move(example));
  }
  // A pack's rule has options only as a map; none given leaves the node unset.
  if (r.options.IsMap()) j["options"] = node_json(r.options);
  for (const auto& [name, origin] : r.option_origins) j["option_marks"][name] = mark_json(origin.mark);
  return j;
}

Rule rule_from(const json& j, const std::string& origin) {
  Rule r;
  r.origin = origin;
  r.mark = mark_from(j.at("mark"));
  r.id = j.at("id").get<std::string>();
  r.kind = j.at("kind").get<std::string>();
  r.category = j.at("category").get<std::string>();
  const int severity = j.at("severity").get<int>();
  if (severity < static_cast<int>(Severity::Info) || severity > static_cast<int>(Severity::Error))
    throw std::out_of_range("unknown severity");
  r.severity = static_cast<Severity>(severity);
  r.enabled = j.at("enabled").get<bool>();
  r.message = j.at("message").get<std::string>();
  r.description = j.at("description").get<std::string>();
  r.example = j.at("example").get<std::string>();
  r.safe_fix = j.at("safe_fix").get<bool>();
  r.help_uri = j.at("help_uri").get<std::string>();
  for (const json& example : j.at("examples")) {
    RuleExample e;
    e.text = example.at("text").get<std::string>();
    e.fires = example.at("fires").get<bool>();
    e.suggestion = example.at("suggestion").get<std::string>();
    e.mark = mark_from(example.at("mark"));
    if (example.contains("options")) e.options = node_from(example.at("options"));
    r.examples.push_back(std::move(e));
  }
  if (j.contains("options")) r.options = node_from(j.at("options"));
  for (const auto& [name, mark] : j.at("option_marks").items()) r.option_origins[name] = {origin, mark_from(mark)};
  return r;
}

[[noreturn]] void damaged(const std::filesystem::path& compiled, const char* what) {
  throw ConfigError(fmt::format("{}: not a usable compiled rule file ({}); build it again or delete it", compiled.string(), what));
}

}  // namespace

std::string compile_rule_dir(const std::filesystem::path& dir) {
  json packs = json::array();
  json rules = json::array();
  for (const std::filesystem::path& file : rule_files(dir)) {
    for (const Rule& rule : load_rule_file(file)) rules.push_back(rule_json(rule, packs.size()));
    const std::shared_ptr<const MappedFile> mapped = MappedFile::map(file);  // read above: neither empty nor unreadable
    packs.push_back({{"name", file.filename().string()}, {"hash", pack_hash(mapped->bytes())}});
  }
  std::string out(kHeader);
  json::to_cbor(json{{"packs", std::move(packs)}, {"rules", std::move(rules)}}, out);
  return out;
}

std::optional<std::vector<Rule>> read_compiled_rules(const std::filesystem::path& compiled,
                                                     const std::filesystem::path& dir) {
  const std::shared_ptr<const MappedFile> mapped = MappedFile::map(compiled);
  if (!mapped || !mapped->bytes().starts_with(kHeader)) return std::nullopt;
  try {
    const std::string_view body = mapped->bytes().substr(kHeader.size());
    const json whole = json::from_cbor(body.begin(), body.end());
    const json::array_t& packs = whole.at("packs").get_ref<const json::array_t&>();
    const std::vector<std::filesystem::path> files = rule_files(dir);
    if (files.size() != packs.size()) return std::nullopt;
    for (std::size_t i = 0; i < files.size(); ++i) {
      const std::shared_ptr<const MappedFile> now = MappedFile::map(files[i]);
      // An empty or unreadable pack is left to the YAML reader, which says what it is.
      if (!now || files[i].filename().string() != packs[i].at("name").get<std::string>() ||
          pack_hash(now->bytes()) != packs[i].at("hash").get<std::size_t>())
        return std::nullopt;
    }
    std::vector<Rule> rules;
    for (const json& rule : whole.at("rules")) rules.push_back(rule_from(rule, files.at(rule.at("pack").get<std::size_t>()).string()));
    return rules;
  } catch (const json::exception& e) {
    damaged(compiled, e.what());
  } catch (const std::out_of_range& e) {  // a pack, node type or severity that does not exist
    damaged(compiled, e.what());
  }
}

std::vector<Rule> load_shipped_rules(const std::filesystem::path& data_dir) {
  const std::filesystem::path dir = data_dir / "rules";
  for (const std::filesystem::path& compiled : {data_dir / "rules.bin", std::filesystem::path(COPYDESK_BUILD_DIR) / "rules.bin"})
    if (auto rules = read_compiled_rules(compiled, dir)) return std::move(*rules);
  return load_rule_dir(dir);
}

}  // namespace copydesk
