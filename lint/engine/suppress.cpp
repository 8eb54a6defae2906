#include "engine/suppress.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <optional>

#include "engine/check.hpp"

namespace copydesk {
namespace {

using Kind = Suppression::Kind;

// Which of a suppression's mentions names `rule`: its index, kAll when it names none
// (every rule), nothing when it does not cover the rule.
constexpr std::size_t kAll = static_cast<std::size_t>(-1);
std::optional<std::size_t> mention_of(const Suppression& s, const std::string& rule) {
  if (s.rules.empty()) return kAll;
  for (std::size_t i = 0; i < s.rules.size(); ++i)
    if (s.rules[i].id == rule) return i;
  return std::nullopt;
}

std::size_t end_of(const Suppression& s) { return s.offset + s.length; }

// Whether suppression `i` covers a finding at `offset` on `line`.
bool covers(const std::vector<Suppression>& all, std::size_t i, const Source& source, const std::string& rule,
            std::size_t offset, std::size_t line) {
  const Suppression& s = all[i];
  switch (s.kind) {
    case Kind::DisableLine:
      return line >= source.position(s.offset).line && line <= source.position(end_of(s)).line;
    case Kind::DisableNextLine:
      return line == source.position(end_of(s)).line + 1;
    case Kind::Disable:
      if (offset < end_of(s)) return false;
      // Off until an enable that names the rule (or every rule) comes before the finding.
      for (std::size_t j = i + 1; j < all.size() && all[j].offset < offset; ++j)
        if (all[j].kind == Kind::Enable && mention_of(all[j], rule)) return false;
      return true;
    case Kind::Enable:
      return false;
  }
  return false;
}

}  // namespace

const Rule& unused_suppression_rule() {
  static const Rule rule = [] {
    Rule r;
    r.id = "artifacts.unused-suppression";
    r.category = "artifacts";
    r.severity = Severity::Warning;
    r.message = "A suppression comment that silenced nothing.";
    return r;
  }();
  return rule;
}

SuppressionFilter::SuppressionFilter(const std::vector<Suppression>& suppressions, const Source& source)
    : all_(suppressions), source_(source), used_(suppressions.size()) {
  for (std::size_t i = 0; i < all_.size(); ++i) used_[i].assign(all_[i].rules.size() + 1, false);
}

bool SuppressionFilter::silences(const std::string& rule, std::size_t offset) {
  std::optional<std::size_t> line;  // found only when a line's suppression needs it
  bool any = false;
  for (std::size_t i = 0; i < all_.size(); ++i) {
    const auto mention = mention_of(all_[i], rule);
    if (!mention) continue;
    if (!line && (all_[i].kind == Kind::DisableLine || all_[i].kind == Kind::DisableNextLine))
      line = source_.position(offset).line;
    if (!covers(all_, i, source_, rule, offset, line.value_or(0))) continue;
    used_[i][*mention == kAll ? all_[i].rules.size() : *mention] = true;
    any = true;
  }
  return any;
}

void SuppressionFilter::report_unused(std::vector<Diagnostic>& out, const std::vector<std::string>& known_ids) const {
  Emitter emitter(unused_suppression_rule(), out);
  for (std::size_t i = 0; i < all_.size(); ++i) {
    const Suppression& s = all_[i];
    if (s.kind == Kind::Enable) continue;
    if (s.rules.empty() && !used_[i].back()) emitter.report(s.offset, s.length, "This suppression silenced nothing.");
    for (std::size_t m = 0; m < s.rules.size(); ++m)
      if (!used_[i][m] && std::count(known_ids.begin(), known_ids.end(), s.rules[m].id))
        emitter.report(s.rules[m].offset, s.rules[m].length,
                       fmt::format("This suppression of {} silenced nothing: the rule found nothing here.", s.rules[m].id));
  }
}

}  // namespace copydesk
