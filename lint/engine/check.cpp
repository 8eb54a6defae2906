#include "engine/check.hpp"

#include <fmt/format.h>

namespace copydesk {

void config_error(const std::string& origin, const YAML::Node& node, const std::string& what) {
  const YAML::Mark mark = node.IsDefined() ? node.Mark() : YAML::Mark::null_mark();
  if (mark.is_null()) throw ConfigError(fmt::format("{}: {}", origin, what));
  throw ConfigError(fmt::format("{}:{}:{}: {}", origin, mark.line + 1, mark.column + 1, what));
}

Diagnostic& Emitter::report(std::size_t offset, std::size_t length, std::string message,
                            std::vector<std::string> suggestions) {
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

std::filesystem::path LoadContext::resolve(const Rule& rule, const std::string& path) const {
  const std::filesystem::path p(path);
  if (p.is_absolute()) return p;
  if (!rule.origin.empty()) {
    const auto beside = std::filesystem::path(rule.origin).parent_path() / p;
    if (std::filesystem::exists(beside)) return beside;
  }
  return data_dir / p;
}

CheckRegistry& CheckRegistry::instance() {
  static CheckRegistry registry;
  return registry;
}

void CheckRegistry::add(const std::string& kind, CheckFactory factory) { factories_[kind] = std::move(factory); }

const CheckFactory* CheckRegistry::find(const std::string& kind) const {
  const auto it = factories_.find(kind);
  return it == factories_.end() ? nullptr : &it->second;
}

std::vector<std::string> CheckRegistry::kinds() const {
  std::vector<std::string> out;
  for (const auto& [kind, factory] : factories_) out.push_back(kind);
  return out;
}

}  // namespace copydesk
