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

// Whether suppression `i` covers a finding of `rule` at `offset` on `line`.
bool covers(const std::vector<Suppression>& all, std::size_t i, const Source& source, const Diagnostic& d) {
  const Suppression& s = all[i];
  const std::size_t line = source.position(d.offset).line;
  switch (s.kind) {
    case Kind::DisableLine:
      return line >= source.position(s.offset).line && line <= source.position(end_of(s)).line;
    case Kind::DisableNextLine:
      return line == source.position(end_of(s)).line + 1;
    case Kind::Disable:
      if (d.offset < end_of(s)) return false;
      // Off until an enable that names the rule (or every rule) comes before the finding.
      for (std::size_t j = i + 1; j < all.size() && all[j].offset < d.offset; ++j)
        if (all[j].kind == Kind::Enable && mention_of(all[j], d.rule)) return false;
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

void apply_suppressions(const std::vector<Suppression>& all, const Source& source,
                        std::vector<Diagnostic>& diagnostics, bool report_unused, const std::vector<std::string>& known_ids) {
  if (all.empty()) return;
  // used[i][m]: suppression i silenced something through mention m (the last slot: all rules).
  std::vector<std::vector<bool>> used(all.size());
  for (std::size_t i = 0; i < all.size(); ++i) used[i].assign(all[i].rules.size() + 1, false);
  const auto silenced = [&](const Diagnostic& d) {
    bool any = false;
    for (std::size_t i = 0; i < all.size(); ++i) {
      const auto mention = mention_of(all[i], d.rule);
      if (!mention || !covers(all, i, source, d)) continue;
      used[i][*mention == kAll ? all[i].rules.size() : *mention] = true;
      any = true;
    }
    return any;
  };
  diagnostics.erase(std::remove_if(diagnostics.begin(), diagnostics.end(), silenced), diagnostics.end());
  if (!report_unused) return;
  Emitter out(unused_suppression_rule(), diagnostics);
  for (std::size_t i = 0; i < all.size(); ++i) {
    const Suppression& s = all[i];
    if (s.kind == Kind::Enable) continue;
    if (s.rules.empty() && !used[i].back()) out.report(s.offset, s.length, "This suppression silenced nothing.");
    for (std::size_t m = 0; m < s.rules.size(); ++m)
      if (!used[i][m] && std::count(known_ids.begin(), known_ids.end(), s.rules[m].id))
        out.report(s.rules[m].offset, s.rules[m].length,
                   fmt::format("This suppression of {} silenced nothing: the rule found nothing here.", s.rules[m].id));
  }
}

}  // namespace copydesk
