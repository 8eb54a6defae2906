// A rule: policy as data. It names a check kind and gives it an id, a severity, a
// message and options, loaded from a YAML rule pack in rules/ or a newsroom's folder.
#pragma once
#include <string>

#include <yaml-cpp/yaml.h>

#include "copydesk/diagnostic.hpp"
#include "copydesk/error.hpp"

namespace copydesk {

struct Rule {
  std::string id;           // "<category>.<name>", stable
  std::string kind;         // the check kind that implements it
  std::string category;     // spelling, names, garbled, repetition, punctuation, style, artifacts
  Severity severity = Severity::Warning;
  bool enabled = true;
  std::string message;      // one-line description (copydesk rules)
  std::string description;  // full text (copydesk explain)
  std::string example;      // an example of text it flags
  YAML::Node options;       // kind-specific; a kind reads what it declares
  std::string origin;       // the file it was read from
  YAML::Mark mark;          // where in that file
};

// Throws ConfigError pointing at `node` (its file is `origin`).
[[noreturn]] void config_error(const std::string& origin, const YAML::Node& node, const std::string& what);

}  // namespace copydesk
