// copydesk: the command line, a thin shell over libcopydesk: the arguments (CLI11), one
// function per subcommand, the exit status.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdlib>
#include <fmt/format.h>
#include <iostream>
#include <memory>
#include <thread>

#include "copydesk/copydesk.hpp"

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
  copydesk::Limits limits;
};

void add_common(CLI::App& app, CommonOptions& common) {
  app.add_option("--config", common.config_file, "Configuration file (default: the nearest .copydesk.yaml)");
  app.add_option("--lang", common.lang, "Language of the text: en_US or en_GB (default: en_US)")
      ->check(CLI::IsMember({"en_US", "en_GB"}));
  app.add_option("--rules", common.rule_dirs, "A folder of extra rule packs (repeatable)")
      ->allow_extra_args(false);
  app.add_option("--dict", common.dictionaries, "An extra word list: a Hunspell .dic or one word a line (repeatable)")
      ->allow_extra_args(false);
}

// Reads the configuration first, so a bad one stops the run before any input is read.
copydesk::Options linter_options(const CommonOptions& common) {
  copydesk::Options options;
  options.configuration = common.config_file.empty() ? copydesk::Configuration::nearest(fs::current_path())
                                                     : copydesk::Configuration::read(common.config_file);
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

int run_check(copydesk::Options options, const CheckOptions& check) {
  options.limits = check.limits;
  // A file or folder that cannot be read is noted and the rest checked; the run fails.
  std::vector<std::string> unchecked;
  const auto inputs = copydesk::read_inputs(
      check.paths, [](const std::string& note) { std::cerr << fmt::format("copydesk: {}\n", note); },
      check.limits.input_bytes, &unchecked);
  const copydesk::Linter linter(options);
  const auto results = linter.check(inputs, check.jobs);
  std::cout << linter.render(results, check.format, {use_color(check.color)}) << std::flush;
  if (!std::cout) {
    std::cerr << "copydesk: cannot write the report to standard output\n";
    return kExitTrouble;
  }
  if (!unchecked.empty()) {
    std::cerr << fmt::format("copydesk: {} path{} could not be checked (see above)\n", unchecked.size(),
                             unchecked.size() == 1 ? "" : "s");
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

}  // namespace

int main(int argc, char** argv) {
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
  check->add_option("--max-findings", check_options.limits.findings_per_rule,
                    "Findings shown per rule per file; the rest are counted in one finding (default: 100, 0: all)");
  check->add_option("--max-related", check_options.limits.related_per_finding,
                    "Related places shown per finding; the rest are counted (default: 20, 0: all)");
  check->add_option("--max-bytes", check_options.limits.input_bytes,
                    "Largest input checked, in bytes: a larger file named or standard input stops the run, one met in a folder is not checked (default: 268435456, 0: no limit)");
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

  app.footer("Exit status: 0 nothing at or above --fail-on, 1 something is, 2 the check could not be done\n"
             "(or a file or folder could not be read; the rest is checked and reported first).");
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
    const copydesk::Options options = linter_options(common);
    if (*rules) return run_rules(options, rules_format);
    if (*test_rules) return run_test_rules(options, packs);
    if (*explain) return run_explain(options, rule_id);
    return run_check(options, check_options);
  } catch (const copydesk::ConfigError& e) {
    std::cerr << "copydesk: configuration error: " << e.what() << '\n';
  } catch (const std::exception& e) {
    std::cerr << "copydesk: " << e.what() << '\n';
  }
  return kExitTrouble;
}
