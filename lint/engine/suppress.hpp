// What the article's suppression comments silence, and what they silenced in vain.
#pragma once
#include <string>
#include <vector>

#include "config/rule.hpp"
#include "copydesk/diagnostic.hpp"
#include "source/source.hpp"
#include "source/suppression.hpp"

namespace copydesk {

// Asked as each finding is made (Emitter::report), so that a silenced finding is never
// stored and counts toward no rule's cap; remembers which comment silenced something.
class SuppressionFilter {
 public:
  SuppressionFilter(const std::vector<Suppression>& suppressions, const Source& source);

  // Whether a suppression covers a finding of `rule` at byte `offset` of the file.
  bool silences(const std::string& rule, std::size_t offset);
  // One finding (rule artifacts.unused-suppression) for each suppression, or rule named
  // in one, that silenced nothing; ids in `known_ids` only, since unknown ones have
  // their own rule.
  void report_unused(std::vector<Diagnostic>& out, const std::vector<std::string>& known_ids) const;

 private:
  const std::vector<Suppression>& all_;
  const Source& source_;
  // used_[i][m]: suppression i silenced something through mention m (the last slot: all rules).
  std::vector<std::vector<bool>> used_;
};

// The rule unused suppressions are reported under: not a check of the text, but of
// what the other checks found, so it is no rule pack's.
const Rule& unused_suppression_rule();

}  // namespace copydesk
