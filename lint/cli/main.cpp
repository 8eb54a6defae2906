// copydesk: the command line, a thin shell over libcopydesk: the arguments (CLI11), one
// function per subcommand, the exit status.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fmt/format.h>
#include <fstream>
#include <fmt/ranges.h>
#include <iostream>
#include <iterator>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <thread>

#include "copydesk/copydesk.hpp"
#include "copydesk/language_server.hpp"

namespace fs = std::filesystem;

namespace {

constexpr int kExitClean = 0, kExitFindings = 1, kExitTrouble = 2;

// What every subcommand takes: where the configuration, rules and words come from.
struct CommonOptions {
  std::string config_file;
  std::string lang;
  std::vector<std::string> rule_dirs;
  std::vector<std::string> dictionaries;
};

struct CheckOptions {
  std::vector<std::string> paths;
  std::vector<std::string> formats;  // FMT (to --output or standard output) or FMT:FILE
  std::string output, fail_on = "warning", color = "auto", baseline;
  std::size_t max_annotations = 10;
  bool fix = false, fix_dry_run = false;
  unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::string> exclude;
  std::string stdin_filename, diff_base, diff_file;
  bool report_unused_suppressions = false;
  bool timings = false;
  copydesk::Limits limits;
  bool jsonl = false;        // corpus mode: one article a line of JSON on standard input
  bool no_progress = false;
  std::string names_file;
};

using Clock = std::chrono::steady_clock;

// Where the time of a run went, to standard error: each part of loading, then the
// inputs read, the check and the report.
class RunTimings {
 public:
  explicit RunTimings(Clock::time_point process_start) : process_start_(process_start), last_(Clock::now()) {}
  void lap(std::string part) {
    const Clock::time_point now = Clock::now();
    laps_.push_back({std::move(part), std::chrono::duration<double>(now - last_).count()});
    last_ = now;
  }
  // loading: the parts of building the (first) linter, which the check lap includes.
  void print(const std::vector<copydesk::Timing>& loading) const {
    std::cerr << "copydesk: timings (ms)\n";
    for (const copydesk::Timing& l : loading) std::cerr << fmt::format("  loading: {:<30} {:8.1f}\n", l.part, 1000 * l.seconds);
    for (const copydesk::Timing& t : laps_) std::cerr << fmt::format("  {:<39} {:8.1f}\n", t.part, 1000 * t.seconds);
    std::cerr << fmt::format("  {:<39} {:8.1f}\n", "total (from the start of main)",
                             1000 * std::chrono::duration<double>(Clock::now() - process_start_).count());
  }

 private:
  Clock::time_point process_start_, last_;
  std::vector<copydesk::Timing> laps_;
};

// One report to write: a format and where it goes (empty: standard output).
struct Report {
  std::string format, file;
};

// --format FMT[:FILE]... and --output FILE as a list of reports; at most one goes to
// --output or standard output. Throws CLI::ValidationError for a bad combination.
std::vector<Report> reports(const CheckOptions& check) {
  std::vector<Report> out;
  std::size_t unnamed = 0;
  for (const std::string& spec : check.formats.empty() ? std::vector<std::string>{"text"} : check.formats) {
    const auto colon = spec.find(':');
    Report r{spec.substr(0, colon), colon == std::string::npos ? check.output : spec.substr(colon + 1)};
    const auto& known = copydesk::Linter::formats();
    if (std::find(known.begin(), known.end(), r.format) == known.end())
      throw CLI::ValidationError("--format", fmt::format("unknown format '{}' (one of: {})", r.format, fmt::join(known, ", ")));
    if (colon != std::string::npos && r.file.empty())
      throw CLI::ValidationError("--format", fmt::format("'{}' names no file after the colon", spec));
    // A missing folder is found before anything is checked or written.
    if (const fs::path folder = fs::path(r.file).parent_path(); !r.file.empty() && !folder.empty() && !fs::is_directory(folder))
      throw CLI::ValidationError("--format", fmt::format("{}: no folder {} to write the report in", r.file, folder.string()));
    if (colon == std::string::npos && ++unnamed > 1)
      throw CLI::ValidationError("--format", "only one format may go to --output or standard output; give the others :FILE");
    out.push_back(r);
  }
  return out;
}

struct NamesOptions {
  std::vector<std::string> paths;  // learn: the archive; merge: the count files
  bool jsonl = false;
  std::string output;              // empty: standard output
  unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
  bool no_progress = false;
};

// A line on a terminal's standard error saying how far a long run has come, redrawn in
// place a few times a second and wiped at the end, so nothing of it stays in the output.
class ProgressLine {
 public:
  ProgressLine(bool shown, const char* unit) : shown_(shown), unit_(unit) {}
  ~ProgressLine() {
    if (drawn_) std::fputs("\r\033[K", stderr);
  }
  // The library's callback; null when the line is not shown.
  copydesk::ProgressSink sink() {
    if (!shown_) return {};
    return [this](const copydesk::Progress& p) { update(p); };
  }

 private:
  void update(const copydesk::Progress& p) {
    using namespace std::chrono;
    const auto now = steady_clock::now();
    if (drawn_ && now - last_ < milliseconds(200) && p.done != p.total) return;
    last_ = now;
    drawn_ = true;
    const double seconds = std::max(duration<double>(now - start_).count(), 1e-3);
    std::string line = p.total > 0 ? fmt::format("{}/{} {}", p.done, p.total, unit_) : fmt::format("{} {}", p.done, unit_);
    line += fmt::format(", {} words, {:.0f} words/s", p.words, p.words / seconds);
    if (p.total_bytes > 0 && p.bytes > 0) {
      const auto left = static_cast<long>(seconds * static_cast<double>(p.total_bytes - p.bytes) / static_cast<double>(p.bytes));
      line += fmt::format(", {}:{:02} left", left / 60, left % 60);
    }
    std::fputs(fmt::format("\r\033[Kcopydesk: {}", line).c_str(), stderr);
    std::fflush(stderr);
  }

  bool shown_;
  const char* unit_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now(), last_;
};

// Progress only for a person watching standard error, and never over results streaming
// to the same terminal.
bool show_progress(bool no_progress, bool streams_to_stdout) {
  return !no_progress && isatty(STDERR_FILENO) && !(streams_to_stdout && isatty(STDOUT_FILENO));
}

void note(const std::string& text) { std::cerr << fmt::format("copydesk: {}\n", text); }

bool at_or_above(const copydesk::CorpusSummary& s, const std::string& fail_on) {
  if (fail_on == "none") return false;
  if (fail_on == "error") return s.errors > 0;
  if (fail_on == "warning") return s.errors + s.warnings > 0;
  return s.errors + s.warnings + s.info > 0;
}

// The exit status of a corpus stream is the findings'. A line that could not be checked
// is answered in the stream itself and counted here: as the map step of a distributed
// job, one bad article must not fail the whole task.
int corpus_status(const copydesk::CorpusSummary& s, const std::string& fail_on) {
  if (s.failed > 0)
    note(fmt::format("{} of {} lines could not be checked (first: {})", s.failed, s.failed + s.articles, s.first_failure));
  return at_or_above(s, fail_on) ? kExitFindings : kExitClean;
}

void add_common(CLI::App& app, CommonOptions& common) {
  app.add_option("--config", common.config_file, "Configuration file (default: for check, the nearest .copydesk.yaml above each file; otherwise above the working folder)");
  app.add_option("--lang", common.lang, "Language of the text: en_US or en_GB (default: en_US)")
      ->check(CLI::IsMember({"en_US", "en_GB"}));
  app.add_option("--rules", common.rule_dirs, "A folder of extra rule packs (repeatable)")
      ->allow_extra_args(false);
  app.add_option("--dict", common.dictionaries, "An extra word list: a Hunspell .dic or one word a line (repeatable)")
      ->allow_extra_args(false);
}

// Reads the configuration first, so a bad one stops the run before any input is read.
// `nearest`: without --config, the nearest .copydesk.yaml from the working folder (check
// looks one up for each file instead).
copydesk::Options linter_options(const CommonOptions& common, bool nearest = true) {
  copydesk::Options options;
  if (!common.config_file.empty()) options.configuration = copydesk::Configuration::read(common.config_file);
  else if (nearest) options.configuration = copydesk::Configuration::nearest(fs::current_path());
  options.language = common.lang;
  options.rule_dirs.assign(common.rule_dirs.begin(), common.rule_dirs.end());
  options.dictionaries.assign(common.dictionaries.begin(), common.dictionaries.end());
  return options;
}

bool use_color(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  return isatty(STDOUT_FILENO) && (no_color == nullptr || *no_color == '\0');
}

std::string read_diff(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw copydesk::InputError(fmt::format("{}: the diff cannot be read", file));
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// A linter that lives until the process ends. The operating system takes its memory back
// at once; destroying it (Hunspell's, the language model's and the word lists' tables, a
// million small blocks) would cost a tenth of a one-article run.
const copydesk::Linter& keep_until_exit(std::unique_ptr<const copydesk::Linter> linter) {
  static auto* const kept = new std::vector<std::unique_ptr<const copydesk::Linter>>;
  kept->push_back(std::move(linter));
  return *kept->back();
}

// The results of a run and the linters that made them, one per configuration in use.
struct Checked {
  std::vector<const copydesk::Linter*> linters;    // the first renders the reports
  std::vector<const copydesk::Linter*> linter_of;  // which one checked each result
  std::vector<copydesk::Result> results;           // in input order
};

// Each file is checked under the nearest .copydesk.yaml above it (or --config's): one
// Linter per configuration in use, the results put back in input order.
Checked check_inputs(const copydesk::Options& options, bool config_given, const copydesk::Inputs& inputs,
                     const CheckOptions& check, const copydesk::ProgressSink& progress) {
  std::map<fs::path, copydesk::Configuration> configurations;
  std::map<fs::path, fs::path> configuration_of_folder;  // each folder looked up once
  std::vector<std::pair<fs::path, std::vector<std::size_t>>> groups;  // by configuration file, first use first
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    fs::path key;
    if (!config_given) {
      const std::string& path = copydesk::input_path(*inputs[i]);
      const fs::path folder = path == "<stdin>" ? fs::current_path() : fs::absolute(path).parent_path();
      auto known = configuration_of_folder.find(folder);
      if (known == configuration_of_folder.end()) {
        const copydesk::Configuration nearest = copydesk::Configuration::nearest(folder);
        configurations.emplace(nearest.file(), nearest);
        known = configuration_of_folder.emplace(folder, nearest.file()).first;
      }
      key = known->second;
    }
    auto it = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == key; });
    if (it == groups.end()) it = groups.emplace(groups.end(), key, std::vector<std::size_t>{});
    it->second.push_back(i);
  }
  const copydesk::ChangeOptions change{check.diff_base, check.diff_file.empty() ? "" : read_diff(check.diff_file)};
  Checked checked;
  checked.results.resize(inputs.size());
  checked.linter_of.resize(inputs.size());
  for (const auto& [key, members] : groups) {
    copydesk::Options group_options = options;
    if (!config_given) group_options.configuration = configurations.at(key);
    const copydesk::Linter* linter = &keep_until_exit(std::make_unique<const copydesk::Linter>(group_options));
    copydesk::Inputs subset;
    for (std::size_t i : members) subset.push_back(inputs[i]);
    auto found = linter->check(subset, check.jobs, progress);
    if (!change.diff_base.empty() || !check.diff_file.empty()) found = copydesk::keep_changes(*linter, std::move(found), change);
    for (std::size_t k = 0; k < members.size(); ++k) {
      checked.results[members[k]] = std::move(found[k]);
      checked.linter_of[members[k]] = linter;
    }
    checked.linters.push_back(linter);
  }
  if (checked.linters.empty()) checked.linters.push_back(&keep_until_exit(std::make_unique<const copydesk::Linter>(options)));
  return checked;
}

// --fix and --fix-dry-run: the safe fixes of each file on disk. --fix writes them and
// re-checks the fixed text, so the report shows what is left; a dry run prints the diff.
struct FixOutcome {
  std::size_t fixed = 0;  // findings fixed (or, in a dry run, that would be)
  bool written = true;    // false: a file could not be written
};

FixOutcome apply_fixes(Checked& checked, bool dry_run) {
  FixOutcome outcome;
  std::size_t files = 0;
  for (std::size_t i = 0; i < checked.results.size(); ++i) {
    copydesk::Result& r = checked.results[i];
    const copydesk::Linter& linter = *checked.linter_of[i];
    if (r.path == "<stdin>") continue;
    const copydesk::FixResult fix = linter.fix(r);
    if (fix.applied == 0) continue;
    if (dry_run) {
      std::cout << copydesk::unified_diff(r.path, fix.original, fix.fixed);
    } else {
      try {
        copydesk::write_file_atomically(r.path, fix.fixed, &fix.original);
      } catch (const copydesk::InputError& e) {
        std::cerr << fmt::format("copydesk: {}\n", e.what());
        outcome.written = false;
        continue;
      }
      r = linter.check(fix.fixed, r.path);
    }
    outcome.fixed += fix.applied;
    ++files;
  }
  std::cerr << fmt::format("copydesk: {} {} finding{} in {} file{}\n", dry_run ? "would fix" : "fixed", outcome.fixed,
                           outcome.fixed == 1 ? "" : "s", files, files == 1 ? "" : "s");
  return outcome;
}

int run_check(copydesk::Options options, const CheckOptions& check, bool config_given, Clock::time_point process_start) {
  RunTimings timings(process_start);
  options.names_file = check.names_file;
  if (check.jsonl) {
    const copydesk::Linter& linter = keep_until_exit(std::make_unique<const copydesk::Linter>(options));
    copydesk::CorpusSummary summary;
    {
      ProgressLine progress(show_progress(check.no_progress, true), "articles");
      summary = linter.check_jsonl(std::cin, std::cout, check.jobs, progress.sink());
    }
    return corpus_status(summary, check.fail_on);
  }
  const std::vector<Report> outputs = reports(check);
  const std::optional<copydesk::Baseline> baseline =
      check.baseline.empty() ? std::nullopt : std::optional(copydesk::Baseline::read(check.baseline));
  const bool reads_stdin = check.paths.empty() || std::count(check.paths.begin(), check.paths.end(), "-") > 0;
  if (!check.diff_base.empty() && reads_stdin)
    throw copydesk::InputError("--diff-base needs files: standard input has no history in git");
  options.report_unused_suppressions = check.report_unused_suppressions;
  options.limits = check.limits;
  copydesk::InputOptions input_options;
  input_options.max_bytes = check.limits.input_bytes;
  input_options.exclude = check.exclude;
  input_options.stdin_filename = check.stdin_filename;
  if (config_given) input_options.configuration = options.configuration;
  // A file or folder that cannot be read is noted and the rest checked; the run fails.
  std::vector<std::string> unchecked;
  const auto inputs = copydesk::read_inputs(check.paths, note, input_options, &unchecked);
  timings.lap("reading inputs");
  Checked checked;
  {
    ProgressLine progress(show_progress(check.no_progress, false), "files");
    checked = check_inputs(options, config_given, inputs, check, progress.sink());
  }
  timings.lap("loading and checking");
  const copydesk::Linter& linter = *checked.linters.front();
  auto& results = checked.results;
  // A dry run prints the diff instead of a report; its status says whether it is empty.
  if (check.fix_dry_run) {
    const FixOutcome would = apply_fixes(checked, true);
    if (!std::cout.flush()) return kExitTrouble;
    return would.fixed > 0 ? kExitFindings : kExitClean;
  }
  const bool written = !check.fix || apply_fixes(checked, false).written;
  if (baseline) baseline->filter(results);
  // Every report is rendered before any is written, so a failure leaves none half-done.
  std::vector<std::string> rendered;
  for (const Report& r : outputs)
    rendered.push_back(linter.render(results, r.format, {use_color(check.color) && r.file.empty(), check.max_annotations}));
  for (std::size_t i = 0; i < outputs.size(); ++i) {
    if (!outputs[i].file.empty()) {
      copydesk::write_file_atomically(outputs[i].file, rendered[i]);
      continue;
    }
    std::cout << rendered[i] << std::flush;
    if (!std::cout) {
      std::cerr << "copydesk: cannot write the report to standard output\n";
      return kExitTrouble;
    }
  }
  timings.lap("report");
  if (check.timings) timings.print(linter.timings());
  if (!unchecked.empty()) {
    std::cerr << fmt::format("copydesk: {} path{} could not be checked (see above)\n", unchecked.size(),
                             unchecked.size() == 1 ? "" : "s");
    return kExitTrouble;
  }
  if (!written) return kExitTrouble;
  if (check.fail_on == "none") return kExitClean;
  const copydesk::Severity threshold = *copydesk::severity_from_name(check.fail_on);
  for (const auto& r : results)
    for (const auto& d : r.diagnostics)
      if (d.severity >= threshold) return kExitFindings;
  return kExitClean;
}

// copydesk baseline write FILE [PATHS...]: today's findings, recorded.
int run_baseline_write(const copydesk::Options& options, const CheckOptions& check, const std::string& file) {
  const auto inputs = copydesk::read_inputs(check.paths, note);
  const copydesk::Linter linter(options);
  const auto results = linter.check(inputs, check.jobs);
  copydesk::write_file_atomically(file, copydesk::Baseline::write(results));
  std::size_t count = 0;
  for (const auto& r : results) count += r.diagnostics.size();
  std::cerr << fmt::format("copydesk: {} finding{} recorded in {}\n", count, count == 1 ? "" : "s", file);
  return kExitClean;
}

// Writes to `output` through a file beside it, renamed when whole, so a run that fails
// leaves no half-written file; empty: standard output.
int write_counts(const copydesk::NameCounts& counts, const std::string& output) {
  if (output.empty()) {
    copydesk::write_name_counts(std::cout, counts);
    std::cout.flush();
    if (std::cout) return kExitClean;
    std::cerr << "copydesk: cannot write the counts to standard output\n";
    return kExitTrouble;
  }
  const std::string partial = output + ".partial";
  {
    std::ofstream out(partial, std::ios::binary);
    copydesk::write_name_counts(out, counts);
    out.close();
    if (!out) {
      std::remove(partial.c_str());
      std::cerr << fmt::format("copydesk: {}: cannot be written\n", output);
      return kExitTrouble;
    }
  }
  std::error_code ec;
  fs::rename(partial, output, ec);
  if (!ec) return kExitClean;
  std::remove(partial.c_str());
  std::cerr << fmt::format("copydesk: {}: cannot be written: {}\n", output, ec.message());
  return kExitTrouble;
}

int run_names_learn(copydesk::Options options, const NamesOptions& names) {
  options.models = false;  // names are found without the tagger or the language model
  if (names.jsonl) {
    const copydesk::Linter linter(options);
    copydesk::CorpusSummary summary;
    copydesk::NameCounts counts;
    {
      ProgressLine progress(show_progress(names.no_progress, false), "articles");
      counts = linter.learn_names(std::cin, names.jobs, summary, progress.sink());
    }
    corpus_status(summary, "none");
    return write_counts(counts, names.output);
  }
  const auto inputs = copydesk::read_inputs(names.paths, note);
  const copydesk::Linter linter(options);
  copydesk::NameCounts counts;
  {
    ProgressLine progress(show_progress(names.no_progress, false), "files");
    counts = linter.learn_names(inputs, names.jobs, progress.sink());
  }
  return write_counts(counts, names.output);
}

int run_names_merge(const NamesOptions& names) {
  const std::vector<fs::path> files(names.paths.begin(), names.paths.end());
  return write_counts(copydesk::read_name_counts(files), names.output);
}

// "markdown" prints the table the README carries (make readme-rules writes it there);
// "json" is for scripts and editors.
int run_rules(copydesk::Options options, const std::string& format) {
  options.models = false;  // listing rules needs no tagger model
  const copydesk::Linter linter(options);
  if (format == "json") {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const auto& r : linter.rules())
      list.push_back({{"id", r.id},
                      {"category", r.category},
                      {"severity", copydesk::severity_name(r.severity)},
                      {"enabled", r.enabled},
                      {"message", r.message},
                      {"description", r.description},
                      {"safe_fix", r.safe_fix},
                      {"help_uri", r.help_uri}});
    std::cout << list.dump(2) << '\n';
    return kExitClean;
  }
  if (format == "markdown") std::cout << "| rule | severity | on | what it flags |\n|---|---|---|---|\n";
  for (const auto& r : linter.rules()) {
    if (format == "markdown") {
      std::string message = r.message;
      for (std::size_t at = message.find('|'); at != std::string::npos; at = message.find('|', at + 2))
        message.insert(at, "\\");
      std::cout << fmt::format("| `{}` | {} | {} | {} |\n", r.id, copydesk::severity_name(r.severity),
                               r.enabled ? "yes" : "no", message);
    } else {
      std::cout << fmt::format("{:<36} {:<12} {:<8}{} {}\n", r.id, r.category, copydesk::severity_name(r.severity),
                               r.enabled ? "" : " (off)", r.message);
    }
  }
  return kExitClean;
}

// Runs the examples rule packs carry (the shipped rules when no folder is given).
int run_test_rules(copydesk::Options options, const std::vector<std::string>& packs) {
  std::vector<std::filesystem::path> folders(packs.begin(), packs.end());
  options.rule_dirs.insert(options.rule_dirs.end(), folders.begin(), folders.end());
  options.all_rules = true;
  const copydesk::Linter linter(options);
  const auto problems = linter.test_rules(folders);
  for (const std::string& p : problems) std::cout << p << '\n';
  std::cout << fmt::format("{} examples: {} wrong\n", linter.example_count(folders), problems.size());
  return problems.empty() ? kExitClean : kExitFindings;
}

int run_explain(copydesk::Options options, const std::string& rule_id) {
  options.only = {rule_id};
  auto linter = std::make_unique<const copydesk::Linter>(options);
  auto find_rule = [&]() -> const copydesk::RuleInfo& {
    const auto& r = linter->rules();
    const auto it = std::find_if(r.begin(), r.end(), [&](const copydesk::RuleInfo& x) { return x.id == rule_id; });
    if (it == r.end()) throw copydesk::InputError(fmt::format("no rule '{}' (copydesk rules lists them)", rule_id));
    return *it;
  };
  // A rule that is off by default is still shown at work on its example.
  const bool off_by_default = !find_rule().enabled;
  if (off_by_default) {
    options.switch_on = {rule_id};
    linter = std::make_unique<const copydesk::Linter>(options);
  }
  const copydesk::RuleInfo& rule = find_rule();
  std::cout << fmt::format("{} ({}, {}{})\n\n{}\n\n{}\n", rule.id, rule.category, copydesk::severity_name(rule.severity),
                           off_by_default ? ", off by default" : "", rule.message, rule.description);
  if (!rule.options.empty()) std::cout << "Options:\n\n" << rule.options << "\n";
  if (!rule.example.empty()) {
    std::cout << "Example:\n\n";
    std::cout << linter->render({linter->check(rule.example, "example")}, "text", {use_color("auto")});
  }
  return kExitClean;
}

// The configuration is found from the editor's workspace, so it is read by the server;
// one given by name is read here first, so a bad one stops it with exit status 2.
int run_lsp(const CommonOptions& common, unsigned debounce_ms) {
  copydesk::LanguageServerOptions options;
  if (!common.config_file.empty()) {
    copydesk::Configuration::read(common.config_file);
    options.config_file = fs::absolute(common.config_file);
  }
  options.linter.language = common.lang;
  options.linter.rule_dirs.assign(common.rule_dirs.begin(), common.rule_dirs.end());
  options.linter.dictionaries.assign(common.dictionaries.begin(), common.dictionaries.end());
  options.debounce_ms = debounce_ms;
  return copydesk::serve_language_server(std::cin, std::cout, options);
}

}  // namespace

int main(int argc, char** argv) {
  const Clock::time_point process_start = Clock::now();
  CLI::App app{"copydesk: checks news articles for misspelled names, garbled sentences, repetition,\n"
               "spelling, punctuation, newsroom style and pipeline leftovers."};
  app.set_version_flag("--version", std::string("copydesk ") + COPYDESK_VERSION);
  app.require_subcommand(1);

  CommonOptions common;
  CheckOptions check_options;
  CLI::App* check = app.add_subcommand("check", "Check files, folders (*.txt, *.md, *.markdown, *.html, *.htm) or standard input");
  check->add_option("paths", check_options.paths, "Files or folders; none or - reads standard input");
  check->add_option("--format", check_options.formats,
                    fmt::format("Output format: {} (default: text). FMT:FILE writes that report to FILE; repeatable, "
                                "so one run writes several reports",
                                fmt::join(copydesk::Linter::formats(), ", ")))
      ->allow_extra_args(false);
  check->add_option("--output,-o", check_options.output,
                    "Write the report (the --format without :FILE) to FILE instead of standard output");
  check->add_option("--max-annotations", check_options.max_annotations,
                    "github format: annotations written at most, the most severe first, then a summary line "
                    "(default: 10, what GitHub shows; 0: all)");
  check->add_option("--baseline", check_options.baseline,
                    "Report only findings not recorded in this baseline (copydesk baseline write)");
  auto* fix = check->add_flag("--fix", check_options.fix,
                              "Apply the safe fixes to the files (atomically), then report what is left");
  check->add_flag("--fix-dry-run", check_options.fix_dry_run,
                  "Print the safe fixes as a unified diff instead of the report; write nothing")
      ->excludes(fix);
  check->add_option("--fail-on", check_options.fail_on, "Lowest severity that makes the exit status 1 (default: warning)")
      ->check(CLI::IsMember({"error", "warning", "info", "none"}));
  check->add_option("--jobs,-j", check_options.jobs, "Files checked at once (default: all cores)")->check(CLI::Range(1u, 1024u));
  CLI::Option* color = check->add_option("--color", check_options.color, "Colour in text output: auto, always, never (default: auto)")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  check->add_option("--exclude", check_options.exclude,
                    "Skip files matching this glob, relative to the working folder (repeatable; e.g. 'drafts/**')")
      ->allow_extra_args(false);
  check->add_option("--stdin-filename", check_options.stdin_filename,
                    "Read standard input as if it were this file: its format, its configuration, its name in reports");
  check->add_flag("--report-unused-suppressions", check_options.report_unused_suppressions,
                  "Report each copydesk-disable comment that silenced nothing (artifacts.unused-suppression)");
  auto* diff_base = check->add_option("--diff-base", check_options.diff_base,
                                      "Report only what changed since this git revision (git diff REV): findings on "
                                      "added or modified lines, and findings the change caused elsewhere");
  check->add_option("--diff", check_options.diff_file, "The same from a unified diff file instead of git")
      ->excludes(diff_base);
  check->add_flag("--timings", check_options.timings,
                  "Print to standard error how long each part took: each part of loading (word forms, rules, "
                  "models, lexicon, word lists; Hunspell when a word the compiled word forms cannot decide "
                  "needed it), reading, checking, the report");
  check->add_option("--max-findings", check_options.limits.findings_per_rule,
                    "Findings shown per rule per file; the rest are counted in one finding (default: 100, 0: all)");
  check->add_option("--max-related", check_options.limits.related_per_finding,
                    "Related places shown per finding; the rest are counted (default: 20, 0: all)");
  check->add_option("--max-bytes", check_options.limits.input_bytes,
                    "Largest input checked, in bytes: a larger file named or standard input stops the run, one met in a folder is not checked (default: 268435456, 0: no limit)");
  check->add_option("--max-nesting", check_options.limits.nesting,
                    "How deeply HTML elements may nest: deeper HTML is read between its tags, without the parser, "
                    "and artifacts.markup-too-deep says where (default: 1000)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1000000}));
  check->add_flag("--jsonl", check_options.jsonl,
                  "Corpus mode: read one article a line from standard input, {\"id\": …, \"text\": …} or\n"
                  "{\"id\": …, \"path\": …} with an optional \"format\" (text, markdown, html), and write one\n"
                  "line a result, in input order: {\"id\": …, \"words\": …, \"diagnostics\": [...]} as in\n"
                  "--format json, or {\"id\": …, \"line\": N, \"error\": …} for a line that cannot be checked")
      ->excludes(check->get_option("paths"))
      ->excludes(check->get_option("--format"))
      ->excludes(color);
  check->add_option("--names", check_options.names_file,
                    "Counts of the archive's name spellings (copydesk names learn) for names.archive-variant")
      ->check(CLI::ExistingFile);
  check->add_flag("--no-progress", check_options.no_progress,
                  "Show no progress line (shown on standard error when it is a terminal)");
  add_common(*check, common);

  NamesOptions names_options;
  CLI::App* names = app.add_subcommand("names", "Count the spellings of names over an archive, for check --names");
  names->require_subcommand(1);
  CLI::App* learn = names->add_subcommand(
      "learn", "Count every spelling of every name in files, folders or (--jsonl) a corpus stream;\n"
               "writes \"spelling<TAB>count\" lines in byte order");
  learn->add_option("paths", names_options.paths, "Files or folders; none or - reads standard input");
  learn->add_flag("--jsonl", names_options.jsonl, "Read articles from standard input as check --jsonl does")
      ->excludes(learn->get_option("paths"));
  learn->add_option("--output,-o", names_options.output, "Write the counts to this file (default: standard output)");
  learn->add_option("--jobs,-j", names_options.jobs, "Files checked at once (default: all cores)")->check(CLI::Range(1u, 1024u));
  learn->add_flag("--no-progress", names_options.no_progress, "Show no progress line");
  add_common(*learn, common);
  CLI::App* merge = names->add_subcommand(
      "merge", "Sum count files (from names learn over parts of an archive) into one: the counts of\n"
               "equal spellings added up, as sort and awk would (README)");
  merge->add_option("files", names_options.paths, "Count files")->required()->check(CLI::ExistingFile);
  merge->add_option("--output,-o", names_options.output, "Write the sum to this file (default: standard output)");

  CLI::App* rules = app.add_subcommand("rules", "List every rule with its category, severity and description");
  std::string rules_format = "text";
  rules->add_option("--format", rules_format,
                    "text, json (for scripts), or markdown: the README's table of rules (default: text)")
      ->check(CLI::IsMember({"text", "json", "markdown"}));
  add_common(*rules, common);

  CLI::App* baseline = app.add_subcommand("baseline", "Record today's findings, so that check --baseline reports only new ones");
  baseline->require_subcommand(1);
  std::string baseline_file;
  CLI::App* baseline_write = baseline->add_subcommand("write", "Check PATHS and write their findings to FILE");
  baseline_write->add_option("file", baseline_file, "The baseline file to write (JSON)")->required();
  baseline_write->add_option("paths", check_options.paths, "Files or folders; none or - reads standard input");
  baseline_write->add_option("--jobs,-j", check_options.jobs, "Files checked at once (default: all cores)")
      ->check(CLI::Range(1u, 1024u));
  add_common(*baseline_write, common);
  std::string rule_id;
  CLI::App* explain = app.add_subcommand("explain", "Print a rule's full description with an example");
  explain->add_option("rule", rule_id, "Rule id, e.g. names.inconsistent-spelling")->required();
  add_common(*explain, common);

  std::vector<std::string> packs;
  CLI::App* test_rules = app.add_subcommand("test-rules", "Run the examples rule packs carry: texts each rule must flag or leave alone");
  test_rules->add_option("packs", packs, "Folders of rule packs; none: the shipped rules");
  add_common(*test_rules, common);

  unsigned debounce_ms = 250;
  CLI::App* lsp = app.add_subcommand("lsp", "Serve the Language Server Protocol on standard input and output, for editors");
  lsp->add_option("--debounce", debounce_ms, "Milliseconds of quiet after an edit before the text is checked again (default: 250)")
      ->check(CLI::Range(0u, 60000u));
  add_common(*lsp, common);

  app.footer("Exit status: 0 nothing at or above --fail-on, 1 something is, 2 the check could not be done\n"
             "(or a file or folder could not be read; the rest is checked and reported first; with --jsonl,\n"
             "a line that cannot be checked is answered in the output and noted on standard error).");
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitTrouble;
  }

  try {
    if (*lsp) return run_lsp(common, debounce_ms);
    if (*merge) return run_names_merge(names_options);
    const copydesk::Options options = linter_options(common, !*check);
    if (*learn) return run_names_learn(options, names_options);
    if (*rules) return run_rules(options, rules_format);
    if (*baseline) return run_baseline_write(options, check_options, baseline_file);
    if (*test_rules) return run_test_rules(options, packs);
    if (*explain) return run_explain(options, rule_id);
    return run_check(options, check_options, !common.config_file.empty(), process_start);
  } catch (const CLI::ValidationError& e) {
    std::cerr << "copydesk: " << e.what() << '\n';
  } catch (const copydesk::ConfigError& e) {
    std::cerr << "copydesk: configuration error: " << e.what() << '\n';
  } catch (const std::exception& e) {
    std::cerr << "copydesk: " << e.what() << '\n';
  }
  return kExitTrouble;
}
