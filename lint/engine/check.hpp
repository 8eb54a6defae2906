// The check interface and the registry of check kinds.
//
// A check kind is C++ code in lint/checks/<category>/<kind>.cpp; it registers itself
// with COPYDESK_REGISTER_CHECK("kind", Factory). A rule in rules/*.yaml names the kind
// and configures one instance of it. run() must be const and thread-safe: one instance
// serves every worker thread; per-thread state lives in Resources.
#pragma once
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "document/document.hpp"
#include "copydesk/diagnostic.hpp"
#include "engine/rule.hpp"

namespace copydesk {

class LanguageModel;
class Speller;
class Tagger;

// What a check may use besides the Document. One per worker thread.
struct Resources {
  const Speller* speller = nullptr;      // this thread's
  const Tagger* tagger = nullptr;        // shared, read-only
  const LanguageModel* lm = nullptr;     // shared; null when the model is not installed
};

// Collects one rule's diagnostics, filling in its id, category and severity.
class Emitter {
 public:
  Emitter(const Rule& rule, std::vector<Diagnostic>& out) : rule_(rule), out_(out) {}
  Diagnostic& report(std::size_t offset, std::size_t length, std::string message,
                     std::vector<std::string> suggestions = {});
  const Rule& rule() const { return rule_; }

 private:
  const Rule& rule_;
  std::vector<Diagnostic>& out_;
};

class Check {
 public:
  virtual ~Check() = default;
  virtual void run(const Document& doc, const Resources& res, Emitter& out) const = 0;
};

// What a factory knows when it builds a check from its rule.
struct LoadContext {
  std::filesystem::path data_dir;   // the shipped rules/, dictionaries/, models/ live here
  std::string language;             // en_US or en_GB
  std::vector<std::string> dictionaries;  // all .dic word lists in force (shipped and user)
  // A path named in a rule's options, relative to the rule file or the data dir.
  std::filesystem::path resolve(const Rule& rule, const std::string& path) const;
};

using CheckFactory = std::function<std::unique_ptr<Check>(const Rule&, const LoadContext&)>;

class CheckRegistry {
 public:
  static CheckRegistry& instance();
  void add(const std::string& kind, CheckFactory factory);
  const CheckFactory* find(const std::string& kind) const;
  std::vector<std::string> kinds() const;

 private:
  std::map<std::string, CheckFactory> factories_;
};

struct CheckRegistrar {
  CheckRegistrar(const char* kind, CheckFactory factory) {
    CheckRegistry::instance().add(kind, std::move(factory));
  }
};

// Reads a typed option with a default; a wrong type is a ConfigError at the option.
template <typename T>
T option(const Rule& rule, const char* name, T fallback) {
  const YAML::Node node = rule.options ? rule.options[name] : YAML::Node();
  if (!node) return fallback;
  try {
    return node.as<T>();
  } catch (const YAML::Exception&) {
    config_error(rule.origin, node, std::string("option '") + name + "' of rule " + rule.id + " has the wrong type");
  }
}

}  // namespace copydesk

#define COPYDESK_CONCAT_INNER(a, b) a##b
#define COPYDESK_CONCAT(a, b) COPYDESK_CONCAT_INNER(a, b)
#define COPYDESK_REGISTER_CHECK(kind, factory) \
  static const ::copydesk::CheckRegistrar COPYDESK_CONCAT(copydesk_registrar_, __LINE__)(kind, factory)
