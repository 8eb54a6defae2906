// copydesk: the command line, a thin shell over the engine.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <fmt/format.h>
#include <fstream>
#include <iostream>
#include <iterator>
#include <mutex>
#include <sstream>
#include <thread>

#include "engine/engine.hpp"
#include "report/reporter.hpp"

namespace fs = std::filesystem;
using namespace copydesk;

namespace {

constexpr int kExitClean = 0, kExitFindings = 1, kExitTrouble = 2;

// Input that cannot be checked: exit status 2, with this message.
struct InputError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

bool checkable_extension(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext == ".txt" || ext == ".md" || ext == ".markdown" || ext == ".html" || ext == ".htm";
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw InputError(fmt::format("{}: cannot be read", p.string()));
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw InputError(fmt::format("{}: read error", p.string()));
  return bytes;
}

// Reads every input before anything is checked, so a bad path stops the run whole.
std::vector<std::unique_ptr<Source>> gather(const std::vector<std::string>& paths) {
  std::vector<std::unique_ptr<Source>> sources;
  auto add_file = [&](const fs::path& p, bool named) {
    std::string bytes = read_file(p);
    if (looks_binary(bytes)) {
      if (named) throw InputError(fmt::format("{}: not a text file", p.string()));
      std::cerr << fmt::format("copydesk: skipping {}: not a text file\n", p.string());
      return;
    }
    sources.push_back(std::make_unique<Source>(p.string(), std::move(bytes), format_for_path(p.string())));
  };
  if (std::count(paths.begin(), paths.end(), "-") > 1) throw InputError("standard input (-) can be read only once");
  for (const std::string& arg : paths.empty() ? std::vector<std::string>{"-"} : paths) {
    if (arg == "-") {
      std::string bytes((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
      if (looks_binary(bytes)) throw InputError("<stdin>: not a text file");
      sources.push_back(std::make_unique<Source>("<stdin>", std::move(bytes)));
      continue;
    }
    const fs::path p(arg);
    std::error_code ec;
    const auto status = fs::status(p, ec);
    if (ec || !fs::exists(status)) throw InputError(fmt::format("{}: no such file or directory", arg));
    if (!fs::is_directory(status)) {
      add_file(p, true);
      continue;
    }
    std::vector<fs::path> found;
    fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec), end;
    if (ec) throw InputError(fmt::format("{}: cannot be read: {}", arg, ec.message()));
    for (; it != end; it.increment(ec)) {
      if (ec) throw InputError(fmt::format("{}: cannot be read: {}", arg, ec.message()));
      const std::string name = it->path().filename().string();
      if (it->is_directory() && name.size() > 1 && name[0] == '.') {
        it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file() && checkable_extension(it->path())) found.push_back(it->path());
    }
    std::sort(found.begin(), found.end());
    if (found.empty()) std::cerr << fmt::format("copydesk: no .txt, .md, .markdown, .html or .htm files in {}\n", arg);
    for (const auto& f : found) add_file(f, false);
  }
  return sources;
}

std::vector<FileResult> check_all(const Engine& engine, const std::vector<std::unique_ptr<Source>>& sources,
                                  unsigned jobs) {
  std::vector<FileResult> results(sources.size());
  std::atomic<std::size_t> next{0};
  // An exception must not end a thread (that would abort the process): the first one is
  // kept, the other threads stop taking files, and it is raised again on the main thread.
  std::exception_ptr failure;
  std::mutex failure_lock;
  auto work = [&] {
    try {
      const Engine::Worker worker(engine);
      for (std::size_t i; (i = next.fetch_add(1)) < sources.size();) results[i] = worker.check(*sources[i]);
    } catch (...) {
      const std::lock_guard<std::mutex> hold(failure_lock);
      if (!failure) failure = std::current_exception();
      next = sources.size();
    }
  };
  jobs = std::max(1u, std::min<unsigned>(jobs, static_cast<unsigned>(sources.size())));
  std::vector<std::thread> threads;
  for (unsigned j = 1; j < jobs; ++j) threads.emplace_back(work);
  work();
  for (auto& t : threads) t.join();
  if (failure) std::rethrow_exception(failure);
  return results;
}

struct CommonOptions {
  std::string config_file;
  std::string lang;
  std::vector<std::string> rule_dirs;
  std::vector<std::string> dictionaries;
};

EngineOptions engine_options(const CommonOptions& common) {
  EngineOptions options;
  if (!common.config_file.empty()) {
    if (!fs::is_regular_file(common.config_file)) throw ConfigError(fmt::format("{}: no such configuration file", common.config_file));
    options.config = load_config(common.config_file);
  } else if (auto found = find_config(fs::current_path())) {
    options.config = load_config(*found);
  }
  if (!common.lang.empty()) options.config.language = common.lang;
  for (const auto& d : common.rule_dirs) options.config.rule_dirs.emplace_back(d);
  for (const auto& d : common.dictionaries) options.config.dictionaries.emplace_back(d);
  return options;
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

bool use_color(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  return isatty(STDOUT_FILENO) && (no_color == nullptr || *no_color == '\0');
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"copydesk: checks news articles for misspelled names, garbled sentences, repetition,\n"
               "spelling, punctuation, newsroom style and pipeline leftovers."};
  app.set_version_flag("--version", std::string("copydesk ") + COPYDESK_VERSION);
  app.require_subcommand(1);

  CommonOptions common;
  std::vector<std::string> paths;
  std::string format = "text", fail_on = "warning", color = "auto";
  unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
  CLI::App* check = app.add_subcommand("check", "Check files, folders (*.txt, *.md, *.markdown, *.html, *.htm) or standard input");
  check->add_option("paths", paths, "Files or folders; none or - reads standard input");
  check->add_option("--format", format, "Output format (default: text)")->check(CLI::IsMember({"text", "json", "sarif", "github"}));
  check->add_option("--fail-on", fail_on, "Lowest severity that makes the exit status 1 (default: warning)")
      ->check(CLI::IsMember({"error", "warning", "info", "none"}));
  check->add_option("--jobs,-j", jobs, "Files checked at once (default: all cores)")->check(CLI::Range(1u, 1024u));
  check->add_option("--color", color, "Colour in text output: auto, always, never (default: auto)")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  add_common(*check, common);

  CLI::App* rules = app.add_subcommand("rules", "List every rule with its category, severity and description");
  add_common(*rules, common);
  std::string rule_id;
  CLI::App* explain = app.add_subcommand("explain", "Print a rule's full description with an example");
  explain->add_option("rule", rule_id, "Rule id, e.g. names.inconsistent-spelling")->required();
  add_common(*explain, common);

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
    EngineOptions options = engine_options(common);
    if (*rules) {
      options.tag = false;  // listing rules needs no tagger model
      const Engine engine(options);
      for (const Rule& r : engine.rules())
        std::cout << fmt::format("{:<36} {:<12} {:<8}{} {}\n", r.id, r.category, severity_name(r.severity),
                                 r.enabled ? "" : " (off)", r.message);
      return kExitClean;
    }
    if (*explain) {
      options.only = {rule_id};
      auto engine = std::make_unique<const Engine>(options);
      auto find_rule = [&]() -> const Rule& {
        const auto& r = engine->rules();
        const auto it = std::find_if(r.begin(), r.end(), [&](const Rule& x) { return x.id == rule_id; });
        if (it == r.end()) throw InputError(fmt::format("no rule '{}' (copydesk rules lists them)", rule_id));
        return *it;
      };
      // A rule that is off by default is still shown at work on its example.
      const bool off_by_default = !find_rule().enabled;
      if (off_by_default) {
        options.config.rules[rule_id].enabled = true;
        engine = std::make_unique<const Engine>(options);
      }
      const Rule& rule = find_rule();
      std::cout << fmt::format("{} ({}, {}{})\n\n{}\n\n{}\n", rule.id, rule.category, severity_name(rule.severity),
                               off_by_default ? ", off by default" : "", rule.message, rule.description);
      if (const std::string options = describe_options(rule, *CheckRegistry::instance().find(rule.kind)); !options.empty())
        std::cout << "Options:\n\n" << options << "\n";
      if (!rule.example.empty()) {
        std::cout << "Example:\n\n";
        const Source source("example", rule.example);
        const std::vector<CheckedFile> shown{{&source, Engine::Worker(*engine).check(source)}};
        report_text(std::cout, shown, ReportOptions{use_color("auto")});
      }
      return kExitClean;
    }

    const auto sources = gather(paths);
    const Engine engine(options);
    auto results = check_all(engine, sources, jobs);
    std::vector<CheckedFile> files;
    for (std::size_t i = 0; i < sources.size(); ++i) files.push_back({sources[i].get(), std::move(results[i])});

    std::ostringstream out;
    if (format == "json") report_json(out, files);
    else if (format == "sarif") report_sarif(out, files, engine.rules());
    else if (format == "github") report_github(out, files);
    else report_text(out, files, ReportOptions{use_color(color)});
    std::cout << out.str() << std::flush;
    if (!std::cout) {
      std::cerr << "copydesk: cannot write the report to standard output\n";
      return kExitTrouble;
    }

    if (fail_on == "none") return kExitClean;
    const Severity threshold = *severity_from_name(fail_on);
    for (const auto& f : files)
      for (const auto& d : f.result.diagnostics)
        if (d.severity >= threshold) return kExitFindings;
    return kExitClean;
  } catch (const ConfigError& e) {
    std::cerr << "copydesk: configuration error: " << e.what() << '\n';
  } catch (const InputError& e) {
    std::cerr << "copydesk: " << e.what() << '\n';
  } catch (const std::exception& e) {
    std::cerr << "copydesk: " << e.what() << '\n';
  }
  return kExitTrouble;
}
