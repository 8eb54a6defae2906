#include "support.hpp"

#include <sys/resource.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <stdexcept>

#include <fmt/format.h>

#include "copydesk/copydesk.hpp"
#include "engine/engine.hpp"

namespace copydesk::test {
namespace {

// Linters cost a rule load each: one per set of rules, kept for the whole test run.
const Linter& linter_for(const std::set<std::string>& rules) {
  static std::map<std::set<std::string>, std::unique_ptr<const Linter>> cache;
  auto it = cache.find(rules);
  if (it == cache.end()) {
    Options options;
    options.data_dir = COPYDESK_SOURCE_DIR;
    options.only.assign(rules.begin(), rules.end());
    auto linter = std::make_unique<const Linter>(options);
    // A misspelled id would run nothing, and every "stays silent" case would pass.
    for (const std::string& id : rules) {
      const auto& all = linter->rules();
      if (std::none_of(all.begin(), all.end(), [&](const RuleInfo& r) { return r.id == id; }))
        throw std::invalid_argument("no rule '" + id + "' to test");
    }
    it = cache.emplace(rules, std::move(linter)).first;
  }
  return *it->second;
}

struct Expected {
  std::size_t offset, length;
  std::string rule;
};

}  // namespace

std::vector<Diagnostic> run_rules(const std::string& text, const std::set<std::string>& rules, Format format) {
  return linter_for(rules).check(text, "<test>", format).diagnostics;
}

std::string covered(const std::string& text, const Diagnostic& d) { return text.substr(d.offset, d.length); }

std::vector<std::string> verify_annotated(const std::string& annotated, const std::set<std::string>& rules,
                                          Format format) {
  std::string text;
  std::vector<Expected> expected;
  for (std::size_t i = 0; i < annotated.size();) {
    const std::size_t open = annotated.find("[[", i);
    if (open == std::string::npos) {
      text += annotated.substr(i);
      break;
    }
    const std::size_t close = annotated.find("]]{", open);
    const std::size_t brace = annotated.find('}', close);
    text += annotated.substr(i, open - i);
    const std::string flagged = annotated.substr(open + 2, close - open - 2);
    expected.push_back({text.size(), flagged.size(), annotated.substr(close + 3, brace - close - 3)});
    text += flagged;
    i = brace + 1;
  }
  const auto found = run_rules(text, rules, format);
  std::vector<std::string> problems;
  std::vector<bool> matched(found.size(), false);
  for (const Expected& e : expected) {
    bool hit = false;
    for (std::size_t k = 0; k < found.size(); ++k) {
      const Diagnostic& d = found[k];
      if (d.rule == e.rule && d.offset < e.offset + std::max<std::size_t>(e.length, 1) &&
          e.offset < d.offset + std::max<std::size_t>(d.length, 1))
        hit = matched[k] = true;
    }
    if (!hit) problems.push_back(fmt::format("missing {} at “{}”", e.rule, text.substr(e.offset, e.length)));
  }
  for (std::size_t k = 0; k < found.size(); ++k)
    if (!matched[k])
      problems.push_back(fmt::format("unexpected {} at “{}”: {}", found[k].rule, covered(text, found[k]), found[k].message));
  return problems;
}

const Engine& shipped() {
  static const Engine engine{[] {
    EngineOptions options;
    options.tag = false;
    return options;
  }()};
  return engine;
}

std::string shared_dir() {
  const std::filesystem::path dir = std::filesystem::path(COPYDESK_SOURCE_DIR) / ".." / "shared";
  std::error_code ec;
  return std::filesystem::is_directory(dir / "corpus", ec) ? dir.lexically_normal().string() : std::string();
}

std::string distinct_word(int i) {
  std::string word = "w";
  for (int n = i;; n /= 26) {
    word += static_cast<char>('a' + n % 26);
    if (n < 26) return word;
  }
}

double thread_cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_THREAD, &usage);
  return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

}  // namespace copydesk::test
