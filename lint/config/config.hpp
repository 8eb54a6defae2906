// .copydesk.yaml and rule packs.
#pragma once
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "config/rule.hpp"

namespace copydesk {

// What a newsroom changes about one rule.
struct RuleOverride {
  std::optional<bool> enabled;
  std::optional<Severity> severity;
  YAML::Node options;  // merged over the rule's own, key by key
  YAML::Node key;      // the rule id as written, for error positions
};

struct Config {
  std::optional<std::string> language;
  std::vector<std::filesystem::path> rule_dirs;     // extra rule packs, after the shipped ones
  std::vector<std::filesystem::path> dictionaries;  // extra .dic word lists
  std::map<std::string, RuleOverride> rules;        // by rule id
  std::vector<std::string> ignore;                  // globs of files not checked, relative to this file's folder
  std::optional<std::vector<std::string>> prose_fields;  // front-matter fields read as prose
  std::filesystem::path origin;                     // the file, if any
};

// Reads a .copydesk.yaml; paths in it are relative to its folder. Throws ConfigError.
Config load_config(const std::filesystem::path& file);

// The nearest .copydesk.yaml from `start` upward, if any.
std::optional<std::filesystem::path> find_config(const std::filesystem::path& start);

// The rule packs of a folder (*.yaml, *.yml), in name order. Throws ConfigError.
std::vector<std::filesystem::path> rule_files(const std::filesystem::path& dir);
// Reads every rule pack of a folder, in name order. Throws ConfigError.
std::vector<Rule> load_rule_dir(const std::filesystem::path& dir);
// Reads one rule pack: a YAML list of rules, or a map with a `rules:` list.
std::vector<Rule> load_rule_file(const std::filesystem::path& file);

// Applies the overrides to the rules; an override naming no rule is a ConfigError.
void apply_overrides(const Config& config, std::vector<Rule>& rules);

}  // namespace copydesk
