// A rule: policy as data. It names a check kind and gives it an id, a severity, a
// message and options, loaded from a YAML rule pack in rules/ or a newsroom's folder.
#pragma once
#include <map>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "copydesk/diagnostic.hpp"
#include "copydesk/error.hpp"

namespace copydesk {

// Where an option of a rule was set: the rule pack, or the configuration that overrode it.
struct OptionOrigin {
  std::string file;
  YAML::Mark mark;  // of the option's key
};

// A test that travels with the rule: a text it must flag, the flagged span marked
// [[like this]] (and, if given, a suggestion it must make there), or a text it must leave
// alone. `copydesk test-rules` and the test suite run them.
struct RuleExample {
  std::string text;
  bool fires = true;
  std::string suggestion;  // empty: not checked
  YAML::Node options;      // options of the rule's own for this example (a file it reads)
  YAML::Mark mark;
};

struct Rule {
  std::string id;           // "<category>.<name>", stable
  std::string kind;         // the check kind that implements it
  std::string category;     // spelling, names, garbled, repetition, punctuation, style, artifacts
  Severity severity = Severity::Warning;
  bool enabled = true;
  std::string message;      // one-line description (copydesk rules)
  std::string description;  // full text (copydesk explain)
  std::string example;      // an example of text it flags
  // Whether `--fix` may apply its suggestion unasked: the rule's one suggestion is the
  // only reading of the text (a doubled word, a name the article spells otherwise).
  bool safe_fix = false;
  std::string help_uri;     // where the rule is documented (SARIF helpUri, rdjson code.url)
  std::vector<RuleExample> examples;
  YAML::Node options;       // kind-specific: what the kind declares, defaults filled in
  std::map<std::string, OptionOrigin> option_origins;  // the options given, by name
  std::string origin;       // the file it was read from
  YAML::Mark mark;          // where in that file
};

// Throws ConfigError pointing at `node` (its file is `origin`).
[[noreturn]] void config_error(const std::string& origin, const YAML::Node& node, const std::string& what);

}  // namespace copydesk
