#include "engine/engine.hpp"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fmt/format.h>
#include <dlfcn.h>
#include <iterator>
#include <optional>
#include <system_error>

#include "config/compiled_rules.hpp"
#include "engine/reference_spans.hpp"
#include "engine/suppress.hpp"
#include "lm/language_model.hpp"
#include "spell/speller.hpp"
#include "spell/word_forms.hpp"
#include "spell/word_list.hpp"
#include "tagger/tagger.hpp"

namespace copydesk {
namespace {

bool has_rules(const std::filesystem::path& dir) {
  std::error_code ec;
  return std::filesystem::is_directory(dir / "rules", ec);
}

std::vector<std::string> dic_files(const std::filesystem::path& dir) {
  std::vector<std::string> out;
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return out;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    if (entry.is_regular_file() && entry.path().extension() == ".dic") out.push_back(entry.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

// Seconds since start, for the timings.
double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

std::filesystem::path find_data_dir() {
  if (const char* env = std::getenv("COPYDESK_DATA_DIR"); env != nullptr && *env != '\0') return env;
  // The file this code was loaded from: libcopydesk wherever it is installed, for the
  // copydesk binary and for any program that embeds it.
  Dl_info self;
  if (dladdr(reinterpret_cast<void*>(&find_data_dir), &self) != 0 && self.dli_fname != nullptr) {
    const auto installed = std::filesystem::path(self.dli_fname).parent_path() / COPYDESK_LIB_TO_DATA_DIR;
    if (has_rules(installed)) return installed.lexically_normal();
  }
  if (has_rules(COPYDESK_INSTALL_DATA_DIR)) return COPYDESK_INSTALL_DATA_DIR;
  return COPYDESK_SOURCE_DIR;
}

Engine::Engine(EngineOptions options)
    : findings_per_rule_(options.findings_per_rule),
      related_per_finding_(options.related_per_finding),
      section_bytes_(options.section_bytes) {
  const Config& config = options.config;
  context_.data_dir = options.data_dir.empty() ? find_data_dir() : options.data_dir;
  context_.language = config.language.value_or(options.language);
  context_.language_forced = config.language.has_value();
  context_.names_file = options.names_file;
  system_dic_ = system_dictionary(context_.language);
  if (system_dic_.first.empty())
    throw ConfigError(fmt::format("no Hunspell dictionary for {} (install hunspell-{})", context_.language,
                                  context_.language == "en_GB" ? "en-gb" : "en-us"));
  context_.dictionaries = dic_files(context_.data_dir / "dictionaries");
  const std::size_t shipped_lists = context_.dictionaries.size();
  for (const auto& dic : config.dictionaries) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(dic, ec))
      throw ConfigError(config.origin.empty() ? fmt::format("{}: word list cannot be read", dic.string())
                                              : fmt::format("{}: dictionary {} cannot be read", config.origin.string(), dic.string()));
    read_word_list(dic.string());  // a word list that is not one stops the run here, with its place
    context_.dictionaries.push_back(dic.string());
  }

  // The language model is mapped, not read: it costs a millisecond, so it loads first,
  // for the lexicon and the checks that ask for it while they are built.
  std::error_code ec;
  if (options.tag && std::filesystem::exists(LanguageModel::system_path(), ec)) {
    const auto start = std::chrono::steady_clock::now();
    lm_ = std::make_shared<const LanguageModel>(LanguageModel::system_path());
    timings_.emplace_back("language model", seconds_since(start));
  }
  context_.language_model = lm_.get();

  // The compiled word forms of the system dictionary and the shipped lists spare most
  // runs Hunspell (a newsroom's own lists are read beside them, see Speller); without
  // them the first Worker's Hunspell opens on a thread of its own beside the rest of
  // loading (it reads only system_dic_, context_.dictionaries and forms_, not written from
  // here on). Where no thread can be started, the first Worker opens its own.
  auto start = std::chrono::steady_clock::now();
  std::vector<std::string> compiled_files{system_dic_.first, system_dic_.second};
  compiled_files.insert(compiled_files.end(), context_.dictionaries.begin(),
                        context_.dictionaries.begin() + static_cast<std::ptrdiff_t>(shipped_lists));
  forms_ = WordForms::matching(context_.data_dir, context_.language, compiled_files);
  timings_.emplace_back("word forms", seconds_since(start));
  if (!forms_) {
    try {
      first_speller_ = std::async(std::launch::async, [this] { return open_speller(); });
    } catch (const std::system_error&) {
    }
  }

  start = std::chrono::steady_clock::now();
  rules_ = load_shipped_rules(context_.data_dir);
  for (const auto& dir : config.rule_dirs) {
    auto more = load_rule_dir(dir);
    rules_.insert(rules_.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
  }
  for (std::size_t i = 0; i < rules_.size(); ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (rules_[i].id == rules_[j].id)
        throw ConfigError(fmt::format("{}:{}: rule {} is already defined in {}", rules_[i].origin,
                                      rules_[i].mark.line + 1, rules_[i].id, rules_[j].origin));
  apply_overrides(config, rules_);
  for (const Rule& rule : rules_) context_.rule_ids.push_back(rule.id);
  if (config.prose_fields) prose_.front_matter_fields = *config.prose_fields;
  prose_.max_nesting = options.max_nesting;
  report_unused_suppressions_ = options.report_unused_suppressions;
  timings_.emplace_back("rules", seconds_since(start));

  start = std::chrono::steady_clock::now();
  for (Rule& rule : rules_) {
    const CheckKind* kind = CheckRegistry::instance().find(rule.kind);
    if (kind == nullptr)
      throw ConfigError(fmt::format("{}:{}:{}: rule {} names an unknown kind '{}'", rule.origin, rule.mark.line + 1,
                                    rule.mark.column + 1, rule.id, rule.kind));
    complete_options(rule, *kind);
    if (!(rule.enabled || options.enable_all) || (!options.only.empty() && !options.only.count(rule.id))) continue;
    checks_.push_back(kind->factory(rule, context_));
    active_.push_back(&rule);
  }
  timings_.emplace_back("lexicon", context_.lexicon_seconds);
  timings_.emplace_back("checks (word lists, indexes)", seconds_since(start) - context_.lexicon_seconds);

  if (options.tag) {
    start = std::chrono::steady_clock::now();
    const auto model = context_.data_dir / "models" / "en-pos.model";
    if (std::filesystem::exists(model, ec)) tagger_ = Tagger::shipped(context_.data_dir);
    timings_.emplace_back("tagger model", seconds_since(start));
  }

}

Engine::Timings Engine::timings() const {
  Timings all = timings_;
  const std::lock_guard lock(hunspell_lock_);
  if (hunspell_count_ > 0)
    all.emplace_back(fmt::format("Hunspell ({} opened)", hunspell_count_), hunspell_seconds_);
  return all;
}

Engine::~Engine() = default;

std::unique_ptr<Speller> Engine::open_speller() const {
  return std::make_unique<Speller>(system_dic_.first, system_dic_.second, context_.dictionaries, forms_,
                                   [this](double seconds) {
                                     const std::lock_guard lock(hunspell_lock_);
                                     hunspell_seconds_ += seconds;
                                     ++hunspell_count_;
                                   });
}

std::unique_ptr<Speller> Engine::take_speller() const {
  std::future<std::unique_ptr<Speller>> first;
  {
    const std::lock_guard lock(hunspell_lock_);
    if (!idle_spellers_.empty()) {
      std::unique_ptr<Speller> idle = std::move(idle_spellers_.back());
      idle_spellers_.pop_back();
      return idle;
    }
    first = std::move(first_speller_);
  }
  return first.valid() ? first.get() : open_speller();
}

void Engine::give_back(std::unique_ptr<Speller> speller) const noexcept {
  // From a Worker's destructor: a Speller that cannot be kept is closed instead.
  try {
    const std::lock_guard lock(hunspell_lock_);
    idle_spellers_.push_back(std::move(speller));
  } catch (...) {
  }
}

Engine::Worker::Worker(const Engine& engine) : engine_(engine) {
  speller_ = engine.take_speller();
  resources_.speller = speller_.get();
  resources_.tagger = engine.tagger_.get();
  resources_.lm = engine.lm_.get();
}

Engine::Worker::~Worker() { engine_.give_back(std::move(speller_)); }

FileResult Engine::Worker::check(const Source& source) const {
  FileResult result;
  result.path = source.path();
  const Prose prose = extract_prose(source, engine_.prose_);
  const std::vector<TextSpan> sections = split_sections(prose, engine_.section_bytes_);
  SuppressionFilter suppressions(prose.suppressions, source);
  // Each rule's findings over all sections, so that its cap counts them all.
  std::vector<std::vector<Diagnostic>> found(engine_.checks_.size());
  std::vector<Emitter> emitters;
  emitters.reserve(found.size());
  for (std::size_t i = 0; i < found.size(); ++i)
    emitters.emplace_back(*engine_.active_[i], found[i], engine_.findings_per_rule_, engine_.related_per_finding_,
                          &suppressions);
  for (const TextSpan& section : sections) {
    std::optional<Source> part;
    if (sections.size() > 1)
      part.emplace(source.path(), std::string(source.bytes().substr(section.offset, section.length)), source.format());
    const Document doc(part ? *part : source, prose_section(prose, section), speller_.get(), engine_.tagger_.get(),
                       &source, section.offset);
    result.words += doc.word_count();
    resources_.memo.clear();
    for (std::size_t i = 0; i < engine_.checks_.size(); ++i) {
      emitters[i].start_section(section.offset);
      engine_.checks_[i]->run(doc, resources_, emitters[i]);
    }
    // A mapped file's checked pages go; the report reads back the few it quotes.
    source.release(section.offset, section.length);
    prose.release(section.offset, section.length);
  }
  resources_.memo.clear();
  source.verify_unchanged();
  auto& d = result.diagnostics;
  for (std::size_t i = 0; i < found.size(); ++i) {
    emitters[i].finish();
    std::move(found[i].begin(), found[i].end(), std::back_inserter(d));
  }
  widen_to_references(prose.references, d);
  if (engine_.report_unused_suppressions_) suppressions.report_unused(d, engine_.context_.rule_ids);
  std::sort(d.begin(), d.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.offset, a.length, a.rule, a.message) < std::tie(b.offset, b.length, b.rule, b.message);
  });
  d.erase(std::unique(d.begin(), d.end(), [](const Diagnostic& a, const Diagnostic& b) {
            return a.offset == b.offset && a.length == b.length && a.rule == b.rule;
          }), d.end());
  return result;
}

std::vector<Diagnostic> Engine::Worker::check_with(const Source& source, const Rule& rule) const {
  const std::unique_ptr<Check> check = CheckRegistry::instance().find(rule.kind)->factory(rule, engine_.context_);
  const Document doc(source, speller_.get(), engine_.tagger_.get());
  std::vector<Diagnostic> found;
  Emitter emitter(rule, found);
  // What checks share is of one document: another's, or this one's kept past the check
  // (whose address a later check may reuse), would stand for the next.
  resources_.memo.clear();
  check->run(doc, resources_, emitter);
  resources_.memo.clear();
  return found;
}

}  // namespace copydesk
