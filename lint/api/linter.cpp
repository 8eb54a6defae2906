// The library's facade over the engine: options in, results out.
#include <algorithm>
#include <mutex>

#include "api/corpus.hpp"
#include "api/inputs.hpp"
#include "api/names.hpp"
#include "api/parallel.hpp"
#include "api/render.hpp"
#include "copydesk/copydesk.hpp"
#include "engine/engine.hpp"
#include "engine/rule_examples.hpp"

namespace copydesk {
namespace {

EngineOptions engine_options(const Options& options, const Config* config) {
  EngineOptions e;
  if (config != nullptr) e.config = *config;
  if (!options.language.empty()) e.config.language = options.language;
  e.config.rule_dirs.insert(e.config.rule_dirs.end(), options.rule_dirs.begin(), options.rule_dirs.end());
  e.config.dictionaries.insert(e.config.dictionaries.end(), options.dictionaries.begin(), options.dictionaries.end());
  for (const std::string& id : options.switch_on) e.config.rules[id].enabled = true;
  e.data_dir = options.data_dir;
  e.only.insert(options.only.begin(), options.only.end());
  e.tag = options.models;
  e.enable_all = options.all_rules;
  e.report_unused_suppressions = options.report_unused_suppressions;
  e.findings_per_rule = options.limits.findings_per_rule;
  e.max_nesting = options.limits.nesting;
  static_assert(Limits{}.section_bytes == kSectionBytes, "one default section size");
  e.section_bytes = options.limits.section_bytes;
  e.related_per_finding = options.limits.related_per_finding;
  e.names_file = options.names_file;
  return e;
}

Result to_result(FileResult&& found, std::shared_ptr<const Source> source) {
  return Result{std::move(found.path), found.words, std::move(found.diagnostics), std::move(source)};
}

}  // namespace

struct Linter::Impl {
  explicit Impl(EngineOptions options) : engine(std::move(options)), catalogue(rule_catalogue(engine.rules())) {}
  const Engine engine;
  const RuleCatalogue catalogue;  // points into engine
  // Made when first asked for (rules, explain, SARIF, fixes): describing every rule's
  // options writes YAML, which a plain check need not pay for.
  std::once_flag rules_made;
  std::vector<RuleInfo> rules;
  // check(text) reuses one Worker (a Speller is costly to open), one call at a time.
  std::mutex single_lock;
  std::unique_ptr<const Engine::Worker> single;
};

Linter::Linter(const Options& options)
    : impl_(std::make_unique<Impl>(engine_options(options, options.configuration.config_.get()))) {}

Linter::~Linter() = default;

Result Linter::check(std::string text, std::string path, std::optional<Format> format) const {
  const Format as = format.value_or(format_for_path(path));
  auto source = std::make_shared<const Source>(std::move(path), std::move(text), as);
  FileResult found;
  {
    const std::lock_guard<std::mutex> hold(impl_->single_lock);
    if (!impl_->single) impl_->single = std::make_unique<const Engine::Worker>(impl_->engine);
    found = impl_->single->check(*source);
  }
  return to_result(std::move(found), std::move(source));
}

std::vector<Result> Linter::check(const Inputs& inputs, unsigned jobs, const ProgressSink& progress) const {
  std::vector<Result> results(inputs.size());
  Progress done = progress_over(inputs);
  std::mutex lock;
  run_parallel(impl_->engine, inputs.size(), jobs, [&](const Engine::Worker& worker, std::size_t i) {
    results[i] = to_result(worker.check(*inputs[i]), inputs[i]);
    if (!progress) return;
    const std::lock_guard<std::mutex> hold(lock);
    count_done(done, *inputs[i], results[i].words);
    progress(done);
  });
  return results;
}

CorpusSummary Linter::check_jsonl(std::istream& in, std::ostream& out, unsigned jobs,
                                  const ProgressSink& progress) const {
  return check_corpus(impl_->engine, in, out, jobs, progress);
}

NameCounts Linter::learn_names(const Inputs& inputs, unsigned jobs, const ProgressSink& progress) const {
  return learn_from_inputs(impl_->engine, inputs, jobs, progress);
}

NameCounts Linter::learn_names(std::istream& jsonl, unsigned jobs, CorpusSummary& summary,
                               const ProgressSink& progress) const {
  return learn_from_corpus(impl_->engine, jsonl, jobs, summary, progress);
}

const std::vector<RuleInfo>& Linter::rules() const {
  std::call_once(impl_->rules_made, [this] {
    std::vector<RuleInfo> rules;  // whole or not at all: call_once runs again after a throw
    for (const Rule& r : impl_->engine.rules())
      rules.push_back({r.id, r.category, r.severity, r.enabled, r.message, r.description, r.example,
                       describe_options(r, *CheckRegistry::instance().find(r.kind)), r.safe_fix, r.help_uri});
    impl_->rules = std::move(rules);
  });
  return impl_->rules;
}

std::vector<Timing> Linter::timings() const {
  std::vector<Timing> out;
  for (auto& [part, seconds] : impl_->engine.timings()) out.push_back({std::move(part), seconds});
  return out;
}

namespace {

// Whether a rule was read from one of the folders (every rule when none is given).
bool from_packs(const Rule& rule, const std::vector<std::filesystem::path>& packs) {
  if (packs.empty()) return true;
  std::error_code ec;
  const auto folder = std::filesystem::weakly_canonical(std::filesystem::path(rule.origin).parent_path(), ec);
  return std::any_of(packs.begin(), packs.end(), [&](const std::filesystem::path& pack) {
    std::error_code e;
    return std::filesystem::weakly_canonical(pack, e) == folder;
  });
}

}  // namespace

std::vector<std::string> Linter::test_rules(const std::vector<std::filesystem::path>& packs) const {
  const Engine::Worker worker(impl_->engine);
  std::vector<std::string> problems;
  for (const Rule& rule : impl_->engine.rules()) {
    if (!from_packs(rule, packs)) continue;
    auto more = verify_examples(worker, rule);
    problems.insert(problems.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
  }
  return problems;
}

std::size_t Linter::example_count(const std::vector<std::filesystem::path>& packs) const {
  std::size_t n = 0;
  for (const Rule& rule : impl_->engine.rules())
    if (from_packs(rule, packs)) n += rule.examples.size();
  return n;
}

std::string Linter::render(const std::vector<Result>& results, std::string_view format,
                           const RenderOptions& options) const {
  std::string rendered = render_results(results, format, impl_->catalogue, options);
  // A mapped file's quoted pages are read back from the file: one changed since it was
  // checked would be quoted as it is now, so the report is refused.
  for (const Result& r : results)
    if (r.source) r.source->verify_unchanged();
  return rendered;
}

const std::vector<std::string>& Linter::formats() { return format_names(); }

}  // namespace copydesk
