// The shipped rule packs in compiled form (rules.bin, made at build time by
// tools/build_rules.cpp), so that a run does not parse their YAML: yaml-cpp's scanner
// costs about 800 instructions a byte, a seventh of checking one article.
//
// The file names every pack it was made from with a hash of its bytes, and holds the
// rules read from them; it stands in for a folder only while that folder holds exactly
// those packs, so a pack edited, added or removed is read as YAML again. A newsroom's
// own rule folders are always read as YAML. What it cannot carry is the line and column
// of a value inside an option (yaml-cpp gives nodes positions only as it parses); the
// positions of rules, examples and option names, which errors and `test-rules` print,
// it keeps.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "config/rule.hpp"

namespace copydesk {

// The compiled form of the rule packs in `dir`. Throws ConfigError as load_rule_dir does.
std::string compile_rule_dir(const std::filesystem::path& dir);

// The rules of `dir` from the compiled file, when it was made from the packs `dir` holds
// now; nullopt when it is missing, of another format, or made from other packs. Throws
// ConfigError when it is damaged.
std::optional<std::vector<Rule>> read_compiled_rules(const std::filesystem::path& compiled,
                                                     const std::filesystem::path& dir);

// The shipped rules of data_dir/rules: from rules.bin in data_dir or the build folder
// when one was made from those packs, else from the YAML.
std::vector<Rule> load_shipped_rules(const std::filesystem::path& data_dir);

}  // namespace copydesk
