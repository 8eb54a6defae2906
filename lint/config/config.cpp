#include "config/config.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>

namespace copydesk {
namespace {

constexpr std::array<std::string_view, 7> kCategories = {"spelling", "names", "garbled", "repetition",
                                                         "punctuation", "style", "artifacts"};

YAML::Node parse_file(const std::filesystem::path& file) {
  try {
    return YAML::LoadFile(file.string());
  } catch (const YAML::BadFile&) {
    throw ConfigError(fmt::format("{}: cannot be read", file.string()));
  } catch (const YAML::ParserException& e) {
    throw ConfigError(fmt::format("{}:{}:{}: {}", file.string(), e.mark.line + 1, e.mark.column + 1, e.msg));
  }
}

std::string scalar(const std::string& origin, const YAML::Node& node, const char* what) {
  if (!node.IsScalar()) config_error(origin, node, fmt::format("{} must be a single value", what));
  return node.Scalar();
}

bool boolean(const std::string& origin, const YAML::Node& node, const char* what) {
  try {
    return node.as<bool>();
  } catch (const YAML::Exception&) {
    config_error(origin, node, fmt::format("{} must be true or false", what));
  }
}

std::vector<std::filesystem::path> path_list(const std::string& origin, const YAML::Node& node,
                                             const std::filesystem::path& base, const char* what) {
  std::vector<std::filesystem::path> out;
  if (node.IsScalar()) {
    out.push_back(base / node.Scalar());
  } else if (node.IsSequence()) {
    for (const auto& item : node) out.push_back(base / scalar(origin, item, what));
  } else {
    config_error(origin, node, fmt::format("{} must be a path or a list of paths", what));
  }
  return out;
}

std::vector<std::string> text_list(const std::string& origin, const YAML::Node& node, const char* what) {
  if (!node.IsSequence()) config_error(origin, node, fmt::format("{} must be a list", what));
  std::vector<std::string> out;
  for (const auto& item : node) out.push_back(scalar(origin, item, what));
  return out;
}

void check_keys(const std::string& origin, const YAML::Node& map, std::initializer_list<std::string_view> allowed) {
  for (const auto& kv : map) {
    const std::string key = scalar(origin, kv.first, "a key");
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end())
      config_error(origin, kv.first, fmt::format("unknown key '{}'", key));
  }
}

Severity severity_of(const std::string& origin, const YAML::Node& node) {
  const auto s = severity_from_name(scalar(origin, node, "severity"));
  if (!s) config_error(origin, node, "severity must be error, warning or info");
  return *s;
}

RuleExample parse_example(const std::string& origin, const YAML::Node& node) {
  if (!node.IsMap() || (node["fires"].IsDefined() == node["silent"].IsDefined()))
    config_error(origin, node, "an example is a map with either fires: or silent:");
  check_keys(origin, node, {"fires", "silent", "suggestion", "options"});
  RuleExample e;
  e.mark = node.Mark();
  e.fires = node["fires"].IsDefined();
  e.text = scalar(origin, e.fires ? node["fires"] : node["silent"], "an example's text");
  if (e.fires && e.text.find("[[") == std::string::npos)
    config_error(origin, node["fires"], "a firing example marks the flagged text [[like this]]");
  if (node["suggestion"]) e.suggestion = scalar(origin, node["suggestion"], "suggestion");
  if (const YAML::Node options = node["options"]) {
    if (!options.IsMap()) config_error(origin, options, "an example's options are a map of option: value");
    e.options = options;
  }
  return e;
}

Rule parse_rule(const std::string& origin, const YAML::Node& node) {
  if (!node.IsMap()) config_error(origin, node, "a rule must be a map with id, kind, severity and message");
  check_keys(origin, node,
             {"id", "kind", "category", "severity", "enabled", "message", "description", "example", "examples", "options",
              "safe-fix", "help-uri"});
  Rule r;
  r.origin = origin;
  r.mark = node.Mark();
  if (!node["id"]) config_error(origin, node, "a rule needs an id");
  if (!node["kind"]) config_error(origin, node, "a rule needs a kind");
  r.id = scalar(origin, node["id"], "id");
  r.kind = scalar(origin, node["kind"], "kind");
  const auto dot = r.id.find('.');
  if (dot == std::string::npos || dot == 0 || dot + 1 == r.id.size())
    config_error(origin, node["id"], fmt::format("rule id '{}' must read <category>.<name>", r.id));
  r.category = node["category"] ? scalar(origin, node["category"], "category") : r.id.substr(0, dot);
  if (std::find(kCategories.begin(), kCategories.end(), r.category) == kCategories.end())
    config_error(origin, node["category"] ? node["category"] : node["id"],
                 fmt::format("unknown category '{}'", r.category));
  if (node["severity"]) r.severity = severity_of(origin, node["severity"]);
  if (node["enabled"]) r.enabled = boolean(origin, node["enabled"], "enabled");
  if (node["message"]) r.message = scalar(origin, node["message"], "message");
  if (node["description"]) r.description = scalar(origin, node["description"], "description");
  if (node["example"]) r.example = scalar(origin, node["example"], "example");
  if (node["safe-fix"]) r.safe_fix = boolean(origin, node["safe-fix"], "safe-fix");
  if (node["help-uri"]) r.help_uri = scalar(origin, node["help-uri"], "help-uri");
  if (const YAML::Node examples = node["examples"]) {
    if (!examples.IsSequence()) config_error(origin, examples, "examples must be a list of fires: / silent: texts");
    for (const auto& e : examples) r.examples.push_back(parse_example(origin, e));
  }
  if (node["options"]) {
    if (!node["options"].IsMap()) config_error(origin, node["options"], "options must be a map");
    r.options = node["options"];  // not cloned: a clone loses the positions errors point at
    for (const auto& kv : r.options)
      r.option_origins[scalar(origin, kv.first, "an option name")] = {origin, kv.first.Mark()};
  }
  return r;
}

}  // namespace

void config_error(const std::string& origin, const YAML::Node& node, const std::string& what) {
  const YAML::Mark mark = node.IsDefined() ? node.Mark() : YAML::Mark::null_mark();
  if (mark.is_null()) throw ConfigError(fmt::format("{}: {}", origin, what));
  throw ConfigError(fmt::format("{}:{}:{}: {}", origin, mark.line + 1, mark.column + 1, what));
}

std::vector<Rule> load_rule_file(const std::filesystem::path& file) {
  const std::string origin = file.string();
  const YAML::Node root = parse_file(file);
  YAML::Node list = root;
  if (root.IsMap()) {
    check_keys(origin, root, {"rules"});
    list = root["rules"];
  }
  if (!list || !list.IsSequence()) config_error(origin, root, "a rule pack is a list of rules (or a map with 'rules:')");
  std::vector<Rule> rules;
  for (const auto& node : list) rules.push_back(parse_rule(origin, node));
  return rules;
}

std::vector<std::filesystem::path> rule_files(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) throw ConfigError(fmt::format("{}: not a rule folder", dir.string()));
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const auto ext = entry.path().extension();
    if (entry.is_regular_file() && (ext == ".yaml" || ext == ".yml")) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<Rule> load_rule_dir(const std::filesystem::path& dir) {
  std::vector<Rule> rules;
  for (const auto& f : rule_files(dir)) {
    auto more = load_rule_file(f);
    rules.insert(rules.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
  }
  return rules;
}

Config load_config(const std::filesystem::path& file) {
  const std::string origin = file.string();
  const YAML::Node root = parse_file(file);
  Config config;
  config.origin = file;
  if (root.IsNull()) return config;
  if (!root.IsMap()) config_error(origin, root, "the configuration must be a map");
  check_keys(origin, root, {"language", "rule-packs", "dictionaries", "rules", "ignore", "front_matter"});
  const auto base = file.parent_path();
  if (root["language"]) {
    config.language = scalar(origin, root["language"], "language");
    if (*config.language != "en_US" && *config.language != "en_GB")
      config_error(origin, root["language"], "language must be en_US or en_GB");
  }
  if (root["rule-packs"]) config.rule_dirs = path_list(origin, root["rule-packs"], base, "rule-packs");
  if (root["dictionaries"]) config.dictionaries = path_list(origin, root["dictionaries"], base, "dictionaries");
  if (root["ignore"]) config.ignore = text_list(origin, root["ignore"], "ignore");
  if (const YAML::Node front = root["front_matter"]) {
    if (!front.IsMap()) config_error(origin, front, "front_matter must be a map");
    check_keys(origin, front, {"prose_fields"});
    if (front["prose_fields"]) config.prose_fields = text_list(origin, front["prose_fields"], "prose_fields");
  }
  if (const YAML::Node rules = root["rules"]) {
    if (!rules.IsMap()) config_error(origin, rules, "rules must map rule ids to off, on, a severity or a map");
    for (const auto& kv : rules) {
      const std::string id = scalar(origin, kv.first, "a rule id");
      RuleOverride o;
      o.key = kv.first;
      const YAML::Node& v = kv.second;
      if (v.IsScalar()) {
        const std::string value = v.Scalar();
        if (value == "off" || value == "false") o.enabled = false;
        else if (value == "on" || value == "true") o.enabled = true;
        else o.severity = severity_of(origin, v);
      } else if (v.IsMap()) {
        check_keys(origin, v, {"severity", "enabled", "options"});
        if (v["severity"]) {
          const std::string value = scalar(origin, v["severity"], "severity");
          if (value == "off") o.enabled = false;
          else o.severity = severity_of(origin, v["severity"]);
        }
        if (v["enabled"]) o.enabled = boolean(origin, v["enabled"], "enabled");
        if (v["options"]) {
          if (!v["options"].IsMap()) config_error(origin, v["options"], "options must be a map");
          o.options = v["options"];
        }
      } else {
        config_error(origin, v, fmt::format("rule {}: give off, on, a severity or a map", id));
      }
      config.rules[id] = o;
    }
  }
  return config;
}

std::optional<std::filesystem::path> find_config(const std::filesystem::path& start) {
  std::error_code ec;
  std::filesystem::path dir = std::filesystem::absolute(start, ec);
  while (!dir.empty()) {
    const auto candidate = dir / ".copydesk.yaml";
    if (std::filesystem::is_regular_file(candidate, ec)) return candidate;
    if (dir == dir.parent_path()) break;
    dir = dir.parent_path();
  }
  return std::nullopt;
}

void apply_overrides(const Config& config, std::vector<Rule>& rules) {
  for (const auto& [id, o] : config.rules) {
    // Init-capture: clang < 16 cannot capture a structured binding directly (fuzz build).
    auto it = std::find_if(rules.begin(), rules.end(), [&id = id](const Rule& r) { return r.id == id; });
    if (it == rules.end()) config_error(config.origin.string(), o.key, fmt::format("no rule '{}'", id));
    if (o.enabled) it->enabled = *o.enabled;
    if (o.severity) it->severity = *o.severity;
    if (o.options.IsMap()) {  // a default node is "defined" too: only a map given by the user counts
      if (!it->options) it->options = YAML::Node(YAML::NodeType::Map);
      for (const auto& kv : o.options) {
        const std::string name = scalar(config.origin.string(), kv.first, "an option name");
        it->options[name] = kv.second;
        it->option_origins[name] = {config.origin.string(), kv.first.Mark()};
      }
      it->origin = config.origin.string();
    }
  }
}

}  // namespace copydesk
