// copydesk as a library: load a linter from options, check texts or files, render the
// findings. The one header a program embedding copydesk includes; everything else in
// lint/ is internal and may change.
//
//   const copydesk::Linter linter(copydesk::Options{});
//   const copydesk::Result result = linter.check("Blinken spoke. Blingen left.\n", "article.txt");
//   std::cout << linter.render({result}, "text");
#pragma once
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <map>
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

  // The file it was read from; empty for none.
  std::filesystem::path file() const;
  // Whether its `ignore:` patterns match `path` (patterns are relative to its folder).
  bool ignores(const std::filesystem::path& path) const;

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
  std::size_t nesting = 1000;             // HTML nested deeper is read without the parser
  std::size_t section_bytes = 128u << 10; // longer prose is checked in sections cut at paragraph breaks (0: whole)
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
  bool report_unused_suppressions = false;  // a finding for each suppression comment that silenced nothing
  std::filesystem::path names_file;  // counts of an archive's name spellings (names.archive-variant)
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
  bool safe_fix = false;  // --fix applies its suggestion
  std::string help_uri;   // where it is documented; may be empty
};

// One checked input.
struct Result {
  std::string path;
  std::size_t words = 0;
  std::vector<Diagnostic> diagnostics;  // sorted by offset, then rule
  std::shared_ptr<const Source> source;  // the input as read, which render() quotes
};

// How long one part of loading took.
struct Timing {
  std::string part;  // "rules", "language model", "lexicon", "tagger model", "Hunspell (2 opened)"…
  double seconds = 0;
};

using Inputs = std::vector<std::shared_ptr<const Source>>;
using Note = std::function<void(const std::string&)>;

struct InputOptions {
  std::vector<std::string> exclude;  // --exclude globs, relative to the working folder
  bool gitignore = true;             // skip what git ignores (.gitignore) while walking a folder
  // Whose `ignore:` patterns apply; none: each file's nearest .copydesk.yaml.
  std::optional<Configuration> configuration;
  std::string stdin_filename;  // standard input read as if it were this file (format, configuration, name)
  std::size_t max_bytes = Limits{}.input_bytes;  // a larger input is not read
};

// Reads every input before anything is checked. A path that does not exist, standard
// input or a file named that is not text or is larger than `max_bytes` stops the run
// (InputError). A folder is walked for .txt, .md, .markdown, .html and .htm files,
// skipping hidden folders, files git ignores, and files an `--exclude` or `ignore:`
// pattern matches (a file named on the command line too, with a note); no path or "-"
// reads standard input. A file met in a folder that is not text is skipped, and an
// empty folder passed, with a note. A file or folder that cannot be read (given or met
// while walking) or a walked file over `max_bytes`: without `unchecked`, an InputError;
// with it, a note, and its path added there, so the caller checks the rest and still
// fails the run. UTF-16 with a byte-order mark is read as text, converted to UTF-8.
COPYDESK_API Inputs read_inputs(const std::vector<std::string>& paths, const Note& note = {},
                                const InputOptions& options = {}, std::vector<std::string>* unchecked = nullptr);

// The path of an input, as reports name it.
COPYDESK_API const std::string& input_path(const Source& source);

// What `--fix` would do to one checked file.
struct FixResult {
  std::string original;     // the text as it was read
  std::string fixed;        // the text with the safe fixes applied
  std::size_t applied = 0;  // findings fixed
  std::size_t skipped = 0;  // findings with a suggestion left alone (not safe, overlapping, in markup)
};

// Findings recorded on a day (copydesk baseline write), so that a check reports only
// the ones found since. A finding is known by its rule, its file and its fingerprint (the
// flagged text and a few words around it), not by its line: moved text stays known.
class COPYDESK_API Baseline {
 public:
  // The baseline file's JSON text for these results.
  static std::string write(const std::vector<Result>& results);
  // Throws InputError (what and where) when the file cannot be read or is no baseline.
  static Baseline read(const std::filesystem::path& file);
  // Drops from the results each finding the baseline records (as often as it records it).
  void filter(std::vector<Result>& results) const;

 private:
  std::map<std::string, std::size_t> known_;  // path, rule and fingerprint → how many
};

// The unified diff (diff -u, paths a/PATH and b/PATH) from one text to another; empty
// when they are the same.
COPYDESK_API std::string unified_diff(const std::string& path, const std::string& before, const std::string& after);

// Replaces a file's contents whole or not at all: a temporary file in the same folder,
// written, flushed to disk, given the file's mode, then renamed over it. With `expected`,
// the file is left alone (InputError) when it no longer holds those bytes, as when an
// editor saved it after it was read. Test hook: COPYDESK_TEST_ABORT_BEFORE_RENAME set in
// the environment aborts the process between the write and the rename.
COPYDESK_API void write_file_atomically(const std::filesystem::path& file, const std::string& content,
                                        const std::string* expected = nullptr);

// How far a long run has come, for a caller that shows it (the CLI does, on a terminal).
struct Progress {
  std::size_t done = 0, total = 0;         // inputs checked, of total (0: a stream, unknown)
  std::size_t words = 0;                   // words in the inputs checked
  std::size_t bytes = 0, total_bytes = 0;  // bytes of the inputs checked, of total_bytes (0: unknown)
};
// Called after each input, one call at a time, from whichever thread checked it.
using ProgressSink = std::function<void(const Progress&)>;

// What a corpus run (Linter::check_jsonl) checked and found.
struct CorpusSummary {
  std::size_t articles = 0, words = 0;     // articles checked, not counting failed lines
  std::size_t errors = 0, warnings = 0, info = 0;  // diagnostics by severity
  std::size_t failed = 0;                  // lines answered with an "error" field
  std::string first_failure;               // "line N: what was wrong"
};

// How often an archive spells each name each way: what `copydesk names learn` writes and
// `check --names` reads, a text file of "spelling<TAB>count" lines in byte order. The
// sum of two files is their merge.
using NameCounts = std::map<std::string, std::uint64_t>;
// Reads and sums the files; throws InputError (file:line) on a file that is not one.
COPYDESK_API NameCounts read_name_counts(const std::vector<std::filesystem::path>& files);
COPYDESK_API void write_name_counts(std::ostream& out, const NameCounts& counts);

struct RenderOptions {
  bool color = false;  // ANSI colours in text output
  // github format: annotations written at most (the most severe first), then a summary
  // line; GitHub shows 10 of a kind per step. 0: no limit.
  std::size_t max_annotations = 10;
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
  std::vector<Result> check(const Inputs& inputs, unsigned jobs, const ProgressSink& progress = {}) const;

  // Corpus mode: reads one article a line from `in`, {"id": …, "text": …} or {"id": …,
  // "path": …}, with an optional "format" (text, markdown, html; else plain text, or the
  // path's), and writes one line a result to `out` in input order as each is ready:
  // {"id": …, "words": …, "diagnostics": [… as in the json format …]}, or {"id": …,
  // "line": N, "error": …} for a line that cannot be checked, and goes on. Blank lines
  // are skipped. Memory stays flat: only a few articles per thread are held at once.
  CorpusSummary check_jsonl(std::istream& in, std::ostream& out, unsigned jobs,
                            const ProgressSink& progress = {}) const;

  // Every spelling of every name (as the names rules see names) and how often it is
  // used, over the inputs, or over the articles of a corpus stream (failed lines counted
  // in `summary`).
  NameCounts learn_names(const Inputs& inputs, unsigned jobs, const ProgressSink& progress = {}) const;
  NameCounts learn_names(std::istream& jsonl, unsigned jobs, CorpusSummary& summary,
                         const ProgressSink& progress = {}) const;

  const std::vector<RuleInfo>& rules() const;
  // Each part of loading, in the order done: rules, language model, lexicon, the checks'
  // word lists and indexes, tagger model, then Hunspell, opened once per checking thread
  // (summed over those opened so far). `copydesk check --timings` prints them.
  std::vector<Timing> timings() const;

  // The safe fixes of a checked input: a rule's suggestion is applied when the rule says
  // its fix is safe, the finding has exactly one suggestion, its span is prose (no markup
  // blanked in it) and no other fix overlaps it. Throws InputError as render() does.
  FixResult fix(const Result& result) const;

  // Runs the examples: in the YAML of the rules read from these rule folders (all rules
  // when none is given): one line per example a rule gets wrong. Build the Linter with
  // all_rules so that rules off by default are run too.
  std::vector<std::string> test_rules(const std::vector<std::filesystem::path>& packs) const;
  // How many examples those rules carry.
  std::size_t example_count(const std::vector<std::filesystem::path>& packs) const;

  // The results in one of formats(): text, json, sarif, github or html. Throws
  // InputError when a long file checked from a mapping changed since it was checked.
  std::string render(const std::vector<Result>& results, std::string_view format,
                     const RenderOptions& options = {}) const;
  static const std::vector<std::string>& formats();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Where the change to review comes from: a git revision (`git diff REV` of each file),
// or a unified diff.
struct ChangeOptions {
  std::string diff_base;  // a git revision
  std::string diff;       // the text of a unified diff
};

// Keeps only what a change brought: findings on the lines it added or modified, and
// findings elsewhere that the version before the change did not have (by rule and
// flagged text: a name now spelled two ways). The version before is rebuilt by
// reversing the diff and checked with `linter`. A file the change does not touch keeps
// nothing. Throws InputError when git cannot give the diff.
COPYDESK_API std::vector<Result> keep_changes(const Linter& linter, std::vector<Result> results,
                                              const ChangeOptions& change);

}  // namespace copydesk
