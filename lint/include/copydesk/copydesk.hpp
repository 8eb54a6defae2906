// copydesk as a library: load a linter from options, check texts or files, render the
// findings. The one header a program embedding copydesk includes; everything else in
// lint/ is internal and may change.
//
//   const copydesk::Linter linter(copydesk::Options{});
//   const copydesk::Result result = linter.check("Blinken spoke. Blingen left.\n", "article.txt");
//   std::cout << linter.render({result}, "text");
#pragma once
#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "copydesk/diagnostic.hpp"
#include "copydesk/error.hpp"
#include "copydesk/export.hpp"
#include "copydesk/format.hpp"

namespace copydesk {

// Internal, opaque here: one input as read, and a configuration's contents.
class Source;
struct Config;

// A newsroom configuration (.copydesk.yaml) read and checked. Reading it is a step of
// its own so a caller can report a bad configuration before it reads any input.
class COPYDESK_API Configuration {
 public:
  Configuration();  // none: the shipped rules as they are
  // Throws ConfigError (file:line:column) when the file is missing or wrong.
  static Configuration read(const std::filesystem::path& file);
  // The nearest .copydesk.yaml from `start` upward, or none.
  static Configuration nearest(const std::filesystem::path& start);

 private:
  friend class Linter;
  std::shared_ptr<const Config> config_;
};

// The bounds that keep a run's time, memory and output in proportion to its input,
// whatever the input's shape (README, "Bounds").
struct Limits {
  std::size_t findings_per_rule = 100;    // per file; the rest are counted in one summary finding (0: no cap)
  std::size_t related_per_finding = 20;   // places a finding points to; the rest are counted
  std::size_t input_bytes = 256u << 20;   // a larger input is not checked (0: no limit)
};

struct Options {
  Configuration configuration;
  Limits limits;
  std::string language;                             // en_US or en_GB; empty: the configuration's, else en_US
  std::vector<std::filesystem::path> rule_dirs;     // extra folders of rule packs
  std::vector<std::filesystem::path> dictionaries;  // extra Hunspell .dic word lists
  std::vector<std::string> only;                    // if not empty, run only these rule ids
  std::vector<std::string> switch_on;               // rule ids to run even when off by default
  bool all_rules = false;                           // run every rule, off by default or not (test_rules)
  std::filesystem::path data_dir;  // the shipped rules/, dictionaries/, models/; empty: found beside the library
  bool models = true;              // load the tagger and language model (listing rules needs neither)
};

// A rule as `copydesk rules` and `copydesk explain` show it.
struct RuleInfo {
  std::string id;        // "<category>.<name>"
  std::string category;
  Severity severity = Severity::Warning;
  bool enabled = true;   // as configured
  std::string message;   // one line
  std::string description;
  std::string example;   // a text it flags
  std::string options;   // the options its kind takes, with defaults and this rule's values
};

// One checked input.
struct Result {
  std::string path;
  std::size_t words = 0;
  std::vector<Diagnostic> diagnostics;  // sorted by offset, then rule
  std::shared_ptr<const Source> source;  // the input as read, which render() quotes
};

using Inputs = std::vector<std::shared_ptr<const Source>>;
using Note = std::function<void(const std::string&)>;

// Reads every input before anything is checked. A path that does not exist, standard
// input or a file named that is not text or is larger than `max_bytes` stops the run
// (InputError). A folder is walked for .txt, .md, .markdown, .html and .htm files,
// skipping hidden folders; no path or "-" reads standard input. A file met in a folder
// that is not text is skipped, and an empty folder passed, with a note. A file or folder
// that cannot be read (given or met while walking) or a walked file over `max_bytes`:
// without `unchecked`, an InputError; with it, a note, and its path added there, so the
// caller checks the rest and still fails the run. UTF-16 with a byte-order mark is read
// as text, converted to UTF-8.
COPYDESK_API Inputs read_inputs(const std::vector<std::string>& paths, const Note& note = {},
                                std::size_t max_bytes = Limits{}.input_bytes,
                                std::vector<std::string>* unchecked = nullptr);

struct RenderOptions {
  bool color = false;  // ANSI colours in text output
};

// The rules loaded and built once, then any number of texts checked. Safe to share
// between threads: check(text) runs one call at a time, check(inputs, jobs) in parallel.
class COPYDESK_API Linter {
 public:
  explicit Linter(const Options& options);  // throws ConfigError
  ~Linter();
  Linter(const Linter&) = delete;
  Linter& operator=(const Linter&) = delete;

  // Checks one text; the format is the path's (Markdown, HTML, else plain) unless given.
  Result check(std::string text, std::string path = "<text>", std::optional<Format> format = {}) const;
  // Checks inputs on `jobs` threads, one set of per-thread resources each; the results
  // are in input order whatever `jobs` is.
  std::vector<Result> check(const Inputs& inputs, unsigned jobs) const;

  const std::vector<RuleInfo>& rules() const;

  // Runs the examples: in the YAML of the rules read from these rule folders (all rules
  // when none is given): one line per example a rule gets wrong. Build the Linter with
  // all_rules so that rules off by default are run too.
  std::vector<std::string> test_rules(const std::vector<std::filesystem::path>& packs) const;
  // How many examples those rules carry.
  std::size_t example_count(const std::vector<std::filesystem::path>& packs) const;

  // The results in one of formats(): text, json, sarif or github.
  std::string render(const std::vector<Result>& results, std::string_view format,
                     const RenderOptions& options = {}) const;
  static const std::vector<std::string>& formats();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace copydesk
