// copydesk: the command line, a thin shell over libcopydesk: the arguments (CLI11), one
// function per subcommand, the exit status.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fmt/format.h>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <memory>
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
  std::string format = "text", fail_on = "warning", color = "auto";
  unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::string> exclude;
  std::string stdin_filename, diff_base, diff_file;
  bool report_unused_suppressions = false;
  bool timings = false;
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

void add_common(CLI::App& app, CommonOptions& common) {
  app.add_option("--config", common.config_file, "Configuration file (default: for check, the nearest .copydesk.yaml above each file; otherwise above the working folder)");
  app.add_option("--lang", common.lang, "Language of the text: en_US or en_GB (default: en_US)")
      ->check(CLI::IsMember({"en_US", "en_GB"}));
  app.add_option("--rules", common.rule_dirs, "A folder of extra rule packs (repeatable)")
      ->allow_extra_args(false);
  app.add_option("--dict", common.dictionaries, "An extra Hunspell .dic word list (repeatable)")
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

// Each file is checked under the nearest .copydesk.yaml above it (or --config's): one
// Linter per configuration in use, the results put back in input order.
std::vector<copydesk::Result> check_inputs(const copydesk::Options& options, bool config_given,
                                           const copydesk::Inputs& inputs, const CheckOptions& check,
                                           std::unique_ptr<const copydesk::Linter>& renderer) {
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
  std::vector<copydesk::Result> results(inputs.size());
  for (const auto& [key, members] : groups) {
    copydesk::Options group_options = options;
    if (!config_given) group_options.configuration = configurations.at(key);
    auto linter = std::make_unique<const copydesk::Linter>(group_options);
    copydesk::Inputs subset;
    for (std::size_t i : members) subset.push_back(inputs[i]);
    auto found = linter->check(subset, check.jobs);
    if (!change.diff_base.empty() || !check.diff_file.empty()) found = copydesk::keep_changes(*linter, std::move(found), change);
    for (std::size_t k = 0; k < members.size(); ++k) results[members[k]] = std::move(found[k]);
    if (!renderer) renderer = std::move(linter);
  }
  if (!renderer) renderer = std::make_unique<const copydesk::Linter>(options);
  return results;
}

int run_check(copydesk::Options options, const CheckOptions& check, bool config_given, Clock::time_point process_start) {
  RunTimings timings(process_start);
  const bool reads_stdin = check.paths.empty() || std::count(check.paths.begin(), check.paths.end(), "-") > 0;
  if (!check.diff_base.empty() && reads_stdin)
    throw copydesk::InputError("--diff-base needs files: standard input has no history in git");
  options.report_unused_suppressions = check.report_unused_suppressions;
  copydesk::InputOptions input_options;
  input_options.exclude = check.exclude;
  input_options.stdin_filename = check.stdin_filename;
  if (config_given) input_options.configuration = options.configuration;
  const auto inputs = copydesk::read_inputs(
      check.paths, [](const std::string& note) { std::cerr << fmt::format("copydesk: {}\n", note); }, input_options);
  timings.lap("reading inputs");
  std::unique_ptr<const copydesk::Linter> linter;
  const auto results = check_inputs(options, config_given, inputs, check, linter);
  timings.lap("loading and checking");
  std::cout << linter->render(results, check.format, {use_color(check.color)}) << std::flush;
  timings.lap("report");
  if (check.timings) timings.print(linter->timings());
  if (!std::cout) {
    std::cerr << "copydesk: cannot write the report to standard output\n";
    return kExitTrouble;
  }
  if (check.fail_on == "none") return kExitClean;
  const copydesk::Severity threshold = *copydesk::severity_from_name(check.fail_on);
  for (const auto& r : results)
    for (const auto& d : r.diagnostics)
      if (d.severity >= threshold) return kExitFindings;
  return kExitClean;
}

// "markdown" prints the table the README carries (make readme-rules writes it there).
int run_rules(copydesk::Options options, const std::string& format) {
  options.models = false;  // listing rules needs no tagger model
  const copydesk::Linter linter(options);
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
  check->add_option("--format", check_options.format, "Output format (default: text)")
      ->check(CLI::IsMember(copydesk::Linter::formats()));
  check->add_option("--fail-on", check_options.fail_on, "Lowest severity that makes the exit status 1 (default: warning)")
      ->check(CLI::IsMember({"error", "warning", "info", "none"}));
  check->add_option("--jobs,-j", check_options.jobs, "Files checked at once (default: all cores)")->check(CLI::Range(1u, 1024u));
  check->add_option("--color", check_options.color, "Colour in text output: auto, always, never (default: auto)")
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
                  "Print to standard error how long each part took: each part of loading (rules, models, "
                  "lexicon, word lists, Hunspell), reading, checking, the report");
  add_common(*check, common);

  CLI::App* rules = app.add_subcommand("rules", "List every rule with its category, severity and description");
  std::string rules_format = "text";
  rules->add_option("--format", rules_format, "text, or markdown: the README's table of rules (default: text)")
      ->check(CLI::IsMember({"text", "markdown"}));
  add_common(*rules, common);
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

  app.footer("Exit status: 0 nothing at or above --fail-on, 1 something is, 2 the check could not be done.");
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
    const copydesk::Options options = linter_options(common, !*check);
    if (*rules) return run_rules(options, rules_format);
    if (*test_rules) return run_test_rules(options, packs);
    if (*explain) return run_explain(options, rule_id);
    return run_check(options, check_options, !common.config_file.empty(), process_start);
  } catch (const copydesk::ConfigError& e) {
    std::cerr << "copydesk: configuration error: " << e.what() << '\n';
  } catch (const std::exception& e) {
    std::cerr << "copydesk: " << e.what() << '\n';
  }
  return kExitTrouble;
}
