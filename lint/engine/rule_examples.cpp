#include "engine/rule_examples.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace copydesk {
namespace {

struct Marked {
  std::string text;                                   // the example without its marks
  std::vector<std::pair<std::size_t, std::size_t>> spans;  // [begin, end) of each [[…]]
};

Marked unmark(const std::string& annotated) {
  Marked m;
  for (std::size_t i = 0; i < annotated.size();) {
    const std::size_t open = annotated.find("[[", i);
    const std::size_t close = open == std::string::npos ? open : annotated.find("]]", open);
    if (close == std::string::npos) {
      m.text += annotated.substr(i);
      break;
    }
    m.text += annotated.substr(i, open - i);
    const std::size_t begin = m.text.size();
    m.text += annotated.substr(open + 2, close - open - 2);
    m.spans.emplace_back(begin, m.text.size());
    i = close + 2;
  }
  return m;
}

// The rule with the example's own options over its own, checked like a rule pack's.
Rule with_options(const Rule& rule, const RuleExample& example) {
  Rule r = rule;
  r.options = rule.options ? YAML::Clone(rule.options) : YAML::Node(YAML::NodeType::Map);
  for (const auto& option : example.options) {
    const std::string name = option.first.as<std::string>();
    r.options[name] = option.second;
    r.option_origins[name] = {rule.origin, option.first.Mark()};
  }
  complete_options(r, *CheckRegistry::instance().find(r.kind));
  return r;
}

// The rule's findings on an example.
std::vector<Diagnostic> findings(const Engine::Worker& worker, const Rule& rule, const RuleExample& example,
                                 const std::string& text) {
  const Source source("<example>", text);
  if (example.options.IsMap()) return worker.check_with(source, with_options(rule, example));
  std::vector<Diagnostic> found;
  for (Diagnostic& d : worker.check(source).diagnostics)
    if (d.rule == rule.id) found.push_back(std::move(d));
  return found;
}

bool overlaps(const Diagnostic& d, std::size_t begin, std::size_t end) {
  return d.offset < std::max(end, begin + 1) && begin < d.offset + std::max<std::size_t>(d.length, 1);
}

}  // namespace

std::vector<std::string> verify_examples(const Engine::Worker& worker, const Rule& rule) {
  std::vector<std::string> problems;
  for (const RuleExample& example : rule.examples) {
    const Marked m = unmark(example.text);
    const std::string where = fmt::format("{}:{}: {} example “{}”", rule.origin, example.mark.line + 1, rule.id, m.text);
    const std::vector<Diagnostic> found = findings(worker, rule, example, m.text);
    std::vector<bool> expected(found.size(), false);
    for (const auto& [begin, end] : m.spans) {
      bool hit = false, suggested = example.suggestion.empty();
      for (std::size_t k = 0; k < found.size(); ++k) {
        if (!overlaps(found[k], begin, end)) continue;
        hit = expected[k] = true;
        const auto& s = found[k].suggestions;
        suggested = suggested || std::find(s.begin(), s.end(), example.suggestion) != s.end();
      }
      if (!hit) problems.push_back(fmt::format("{}: nothing flagged at “{}”", where, m.text.substr(begin, end - begin)));
      else if (!suggested) problems.push_back(fmt::format("{}: “{}” not suggested", where, example.suggestion));
    }
    for (std::size_t k = 0; k < found.size(); ++k)
      if (!expected[k])
        problems.push_back(fmt::format("{}: unexpected finding at “{}”: {}", where,
                                       m.text.substr(found[k].offset, found[k].length), found[k].message));
  }
  return problems;
}

}  // namespace copydesk
