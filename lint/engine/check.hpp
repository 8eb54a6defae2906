// The check interface and the registry of check kinds.
//
// A check kind is C++ code in lint/checks/<category>/<kind>.cpp; it registers itself
// with COPYDESK_REGISTER_CHECK("kind", Factory, options...). A rule in rules/*.yaml names
// the kind and configures one instance of it with the options the kind declares. run() must be const and thread-safe: one instance
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
#include "config/rule.hpp"

namespace copydesk {

class LanguageModel;
class Lexicon;
class Speller;
class Tagger;
class SuppressionFilter;

// Work on one document that the rules of a kind share, done by the first of them that
// asks (the matches of every rule of a data-driven kind, found in one pass); forgotten
// before the next document. One per worker thread.
class DocumentMemo {
 public:
  template <typename T, typename Make>
  const T& get(const void* owner, Make make) const {
    auto& slot = entries_[owner];
    if (!slot) slot = std::make_shared<T>(make());
    return *static_cast<const T*>(slot.get());
  }
  void clear() const { entries_.clear(); }

 private:
  mutable std::map<const void*, std::shared_ptr<void>> entries_;
};

// What a check may use besides the Document. One per worker thread.
struct Resources {
  const Speller* speller = nullptr;      // this thread's
  const Tagger* tagger = nullptr;        // shared, read-only
  const LanguageModel* lm = nullptr;     // shared; null when the model is not installed
  DocumentMemo memo;                     // this thread's, for the current document
};

// Collects one rule's diagnostics, filling in its id, category and severity. Past `cap`
// findings (0: none) a report is only counted, so a pathological file costs no more
// memory or output than the cap; finish() then adds one finding that says how many more
// there were, and trims each finding's related places to `related_cap`. One Emitter
// serves every section of a long input (source/sections.hpp): checks report at offsets
// in the section, and the Emitter moves those findings to offsets in the file. A finding
// the article's suppression comments silence (`suppressions`, may be null) is dropped as
// it is made, so it counts toward no cap.
class Emitter {
 public:
  Emitter(const Rule& rule, std::vector<Diagnostic>& out, std::size_t cap = 0, std::size_t related_cap = 0,
          SuppressionFilter* suppressions = nullptr)
      : rule_(rule), out_(out), first_(out.size()), cap_(cap), related_cap_(related_cap),
        suppressions_(suppressions), section_first_(out.size()) {}
  Diagnostic& report(std::size_t offset, std::size_t length, std::string message,
                     std::vector<std::string> suggestions = {});
  // Reports from now on are at offsets from `base` in the file.
  void start_section(std::size_t base);
  void finish();
  const Rule& rule() const { return rule_; }

 private:
  const Rule& rule_;
  std::vector<Diagnostic>& out_;
  std::size_t first_;        // where this rule's findings begin in out_
  std::size_t cap_, related_cap_;
  std::size_t dropped_ = 0;  // findings past the cap
  SuppressionFilter* suppressions_;
  Diagnostic overflow_;      // what a report past the cap or silenced writes into, then forgets
  std::size_t first_dropped_ = 0;  // in the file
  std::size_t base_ = 0;            // where the current section starts in the file
  std::size_t section_first_;       // where its findings begin in out_
  void place_section();
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
  bool language_forced = false;     // set by --lang or the configuration, not the default
  // The engine's language model (null when it is not installed), for what indexes its
  // vocabulary: the lexicon made without its compiled form.
  const LanguageModel* language_model = nullptr;
  std::vector<std::string> dictionaries;  // all .dic word lists in force (shipped and user)
  std::vector<std::string> rule_ids;      // every rule loaded, on or off
  // The lexicon (spell/lexicon.hpp), loaded when the first check that needs it asks, so a
  // run without such checks never loads it; lexicon_seconds says how long that took.
  std::shared_ptr<const Lexicon> lexicon() const;
  mutable double lexicon_seconds = 0;
  // What the rules of one kind build together while they load, by kind (one automaton
  // for all their phrases); kept for the engine's life.
  mutable std::map<std::string, std::shared_ptr<void>> shared;
  template <typename T>
  std::shared_ptr<T> shared_by_kind(const std::string& kind) const {
    auto& slot = shared[kind];
    if (!slot) slot = std::make_shared<T>();
    return std::static_pointer_cast<T>(slot);
  }
  // What several kinds read alike (the name list, the word-frequency list): made by the
  // first to ask, with make(), and shared under `key` by the rest.
  template <typename T, typename Make>
  std::shared_ptr<const T> shared_made(const std::string& key, Make make) const {
    auto& slot = shared[key];
    if (!slot) slot = std::make_shared<T>(make());
    return std::static_pointer_cast<const T>(slot);
  }
  std::filesystem::path names_file;       // an archive's counts of name spellings; empty: none
  // A path named in a rule's options, relative to the rule file or the data dir.
  std::filesystem::path resolve(const Rule& rule, const std::string& path) const;
};

using CheckFactory = std::function<std::unique_ptr<Check>(const Rule&, const LoadContext&)>;

// One option of a kind, declared once beside the kind's code: its only default, what
// `copydesk explain` prints, and what a rule may set (any other option is refused).
enum class OptionType { Integer, Number, Boolean, Text, TextList, List };
struct OptionSpec {
  std::string name;
  OptionType type;
  std::string fallback;  // the default as YAML text; empty: none, the option may be left out
  std::string doc;
};

struct CheckKind {
  CheckFactory factory;
  std::vector<OptionSpec> options;
};

class CheckRegistry {
 public:
  static CheckRegistry& instance();
  void add(const std::string& kind, CheckFactory factory, std::vector<OptionSpec> options);
  // An earlier name of a kind, still accepted in rule packs.
  void add_alias(const std::string& old_name, const std::string& kind);
  const CheckKind* find(const std::string& kind) const;
  std::vector<std::string> kinds() const;  // current names only

 private:
  std::map<std::string, CheckKind> kinds_;
  std::map<std::string, std::string> aliases_;
};

struct CheckRegistrar {
  CheckRegistrar(const char* kind, CheckFactory factory, std::vector<OptionSpec> options) {
    CheckRegistry::instance().add(kind, std::move(factory), std::move(options));
  }
};

struct KindAlias {
  KindAlias(const char* old_name, const char* kind) { CheckRegistry::instance().add_alias(old_name, kind); }
};

// Checks a rule's options against its kind's declarations and fills in the defaults;
// an undeclared option or a value of the wrong type is a ConfigError at its line.
void complete_options(Rule& rule, const CheckKind& kind);

// The kind's options with their defaults, and the rule's values where it sets them.
std::string describe_options(const Rule& rule, const CheckKind& kind);

// A ConfigError about a rule's option, at the place that set it.
[[noreturn]] void option_error(const Rule& rule, const std::string& name, const std::string& what);

// Reads a declared option (complete_options has filled in its default).
template <typename T>
T option(const Rule& rule, const char* name) {
  const YAML::Node node = rule.options ? rule.options[name] : YAML::Node();
  if (!node) throw std::logic_error(std::string("option '") + name + "' of rule " + rule.id + " is not declared");
  try {
    return node.as<T>();
  } catch (const YAML::Exception&) {
    option_error(rule, name, "has the wrong type");
  }
}

}  // namespace copydesk

#define COPYDESK_CONCAT_INNER(a, b) a##b
#define COPYDESK_CONCAT(a, b) COPYDESK_CONCAT_INNER(a, b)
// COPYDESK_KIND_ALIAS("old-name", "kind"): packs written for an earlier name still load.
#define COPYDESK_KIND_ALIAS(old_name, kind) \
  static const ::copydesk::KindAlias COPYDESK_CONCAT(copydesk_alias_, __LINE__)(old_name, kind)

// COPYDESK_REGISTER_CHECK("kind", factory, {"name", OptionType::Integer, "3", "what it does"}, ...)
#define COPYDESK_REGISTER_CHECK(kind, factory, ...)                                      \
  static const ::copydesk::CheckRegistrar COPYDESK_CONCAT(copydesk_registrar_, __LINE__)( \
      kind, factory, std::vector<::copydesk::OptionSpec>{__VA_ARGS__})
