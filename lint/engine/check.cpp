#include "engine/check.hpp"

#include <chrono>
#include <fmt/format.h>

#include "engine/suppress.hpp"
#include "spell/lexicon.hpp"

namespace copydesk {

Diagnostic& Emitter::report(std::size_t offset, std::size_t length, std::string message,
                            std::vector<std::string> suggestions) {
  if (suppressions_ != nullptr && suppressions_->silences(rule_.id, base_ + offset)) {
    overflow_ = Diagnostic{};
    return overflow_;
  }
  if (cap_ != 0 && out_.size() - first_ >= cap_) {
    if (dropped_++ == 0) first_dropped_ = base_ + offset;
    overflow_ = Diagnostic{};
    return overflow_;
  }
  Diagnostic& d = out_.emplace_back();
  d.rule = rule_.id;
  d.category = rule_.category;
  d.severity = rule_.severity;
  d.message = std::move(message);
  d.offset = offset;
  d.length = length;
  d.suggestions = std::move(suggestions);
  return d;
}

void Emitter::place_section() {
  for (std::size_t i = section_first_; i < out_.size() && base_ != 0; ++i) {
    out_[i].offset += base_;
    for (Related& r : out_[i].related) r.offset += base_;
  }
  section_first_ = out_.size();
}

void Emitter::start_section(std::size_t base) {
  place_section();
  base_ = base;
}

void Emitter::finish() {
  start_section(0);
  if (related_cap_ != 0)
    for (std::size_t i = first_; i < out_.size(); ++i) {
      auto& related = out_[i].related;
      if (related.size() <= related_cap_) continue;
      const std::size_t more = related.size() - related_cap_;
      related.resize(related_cap_);
      related.back().message += fmt::format(" (and {} more place{} like it)", more, more == 1 ? "" : "s");
    }
  if (dropped_ == 0) return;
  cap_ = 0;  // the summary itself is always kept
  report(first_dropped_, 0, fmt::format("…and {} more finding{} of this rule in this file, not shown (the first {} are).",
                                dropped_, dropped_ == 1 ? "" : "s", out_.size() - first_));
  dropped_ = 0;
}

std::filesystem::path LoadContext::resolve(const Rule& rule, const std::string& path) const {
  const std::filesystem::path p(path);
  if (p.is_absolute()) return p;
  if (!rule.origin.empty()) {
    const auto beside = std::filesystem::path(rule.origin).parent_path() / p;
    if (std::filesystem::exists(beside)) return beside;
  }
  return data_dir / p;
}

std::shared_ptr<const Lexicon> LoadContext::lexicon() const {
  const auto start = std::chrono::steady_clock::now();
  auto lexicon = Lexicon::system(data_dir, language_model);  // loaded once, then shared
  lexicon_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return lexicon;
}

CheckRegistry& CheckRegistry::instance() {
  static CheckRegistry registry;
  return registry;
}

void CheckRegistry::add(const std::string& kind, CheckFactory factory, std::vector<OptionSpec> options) {
  kinds_[kind] = CheckKind{std::move(factory), std::move(options)};
}

void CheckRegistry::add_alias(const std::string& old_name, const std::string& kind) { aliases_[old_name] = kind; }

const CheckKind* CheckRegistry::find(const std::string& kind) const {
  const auto alias = aliases_.find(kind);
  const auto it = kinds_.find(alias == aliases_.end() ? kind : alias->second);
  return it == kinds_.end() ? nullptr : &it->second;
}

std::vector<std::string> CheckRegistry::kinds() const {
  std::vector<std::string> out;
  for (const auto& [name, kind] : kinds_) out.push_back(name);
  return out;
}

namespace {

std::string_view type_name(OptionType type) {
  switch (type) {
    case OptionType::Integer: return "an integer";
    case OptionType::Number: return "a number";
    case OptionType::Boolean: return "true or false";
    case OptionType::Text: return "a text";
    case OptionType::TextList: return "a list of texts";
    case OptionType::List: return "a list";
  }
  return "";
}

bool has_type(const YAML::Node& value, OptionType type) {
  const auto converts = [&](auto sample) {
    return YAML::convert<decltype(sample)>::decode(value, sample);
  };
  switch (type) {
    case OptionType::Integer: return converts(0LL);
    case OptionType::Number: return converts(0.0);
    case OptionType::Boolean: return converts(false);
    case OptionType::Text: return value.IsScalar();
    case OptionType::TextList: return value.IsSequence() && converts(std::vector<std::string>{});
    case OptionType::List: return value.IsSequence();
  }
  return false;
}

}  // namespace

void option_error(const Rule& rule, const std::string& name, const std::string& what) {
  const std::string message = fmt::format("option '{}' of rule {} {}", name, rule.id, what);
  const auto it = rule.option_origins.find(name);
  if (it == rule.option_origins.end()) config_error(rule.origin, YAML::Node(), message);
  const YAML::Mark& m = it->second.mark;
  throw ConfigError(fmt::format("{}:{}:{}: {}", it->second.file, m.line + 1, m.column + 1, message));
}

void complete_options(Rule& rule, const CheckKind& kind) {
  const auto spec_of = [&](const std::string& name) -> const OptionSpec* {
    for (const OptionSpec& spec : kind.options)
      if (spec.name == name) return &spec;
    return nullptr;
  };
  for (const auto& [name, origin] : rule.option_origins) {
    const OptionSpec* spec = spec_of(name);
    if (spec == nullptr) {
      std::string known;
      for (const OptionSpec& o : kind.options) known += (known.empty() ? "" : ", ") + o.name;
      option_error(rule, name, fmt::format("is unknown to kind '{}' ({})", rule.kind,
                                           known.empty() ? "it takes no options" : "it takes " + known));
    }
    if (!has_type(rule.options[name], spec->type))
      option_error(rule, name, fmt::format("must be {}", type_name(spec->type)));
  }
  for (const OptionSpec& spec : kind.options) {
    if (spec.fallback.empty() || rule.option_origins.count(spec.name)) continue;
    if (!rule.options) rule.options = YAML::Node(YAML::NodeType::Map);
    rule.options[spec.name] = YAML::Load(spec.fallback);
  }
}

std::string describe_options(const Rule& rule, const CheckKind& kind) {
  std::string out;
  for (const OptionSpec& spec : kind.options) {
    out += fmt::format("  {} ({}", spec.name, type_name(spec.type));
    if (!spec.fallback.empty()) out += fmt::format(", default {}", spec.fallback);
    if (rule.option_origins.count(spec.name)) out += fmt::format(", this rule: {}", YAML::Dump(rule.options[spec.name]));
    out += fmt::format("): {}\n", spec.doc);
  }
  return out;
}

}  // namespace copydesk
