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
  bool jsonl = false;        // corpus mode: one article a line of JSON on standard input
  bool no_progress = false;
  std::string names_file;
};

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
  app.add_option("--config", common.config_file, "Configuration file (default: the nearest .copydesk.yaml)");
  app.add_option("--lang", common.lang, "Language of the text: en_US or en_GB (default: en_US)")
      ->check(CLI::IsMember({"en_US", "en_GB"}));
  app.add_option("--rules", common.rule_dirs, "A folder of extra rule packs (repeatable)")
      ->allow_extra_args(false);
  app.add_option("--dict", common.dictionaries, "An extra Hunspell .dic word list (repeatable)")
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
  options.names_file = check.names_file;
  if (check.jsonl) {
    const copydesk::Linter linter(options);
    copydesk::CorpusSummary summary;
    {
      ProgressLine progress(show_progress(check.no_progress, true), "articles");
      summary = linter.check_jsonl(std::cin, std::cout, check.jobs, progress.sink());
    }
    return corpus_status(summary, check.fail_on);
  }
  const auto inputs = copydesk::read_inputs(check.paths, note);
  const copydesk::Linter linter(options);
  std::vector<copydesk::Result> results;
  {
    ProgressLine progress(show_progress(check.no_progress, false), "files");
    results = linter.check(inputs, check.jobs, progress.sink());
  }
  std::cout << linter.render(results, check.format, {use_color(check.color)}) << std::flush;
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
  CLI::Option* color = check->add_option("--color", check_options.color, "Colour in text output: auto, always, never (default: auto)")
      ->check(CLI::IsMember({"auto", "always", "never"}));
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
             "(with --jsonl, a line that cannot be checked is answered in the output and noted on standard error).");
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
    if (*merge) return run_names_merge(names_options);
    const copydesk::Options options = linter_options(common);
    if (*learn) return run_names_learn(options, names_options);
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
