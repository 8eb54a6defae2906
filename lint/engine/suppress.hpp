// What the article's suppression comments silence, and what they silenced in vain.
#pragma once
#include <string>
#include <vector>

#include "config/rule.hpp"
#include "copydesk/diagnostic.hpp"
#include "source/source.hpp"
#include "source/suppression.hpp"

namespace copydesk {

// Removes the findings a suppression covers. With `report_unused`, adds one finding
// (rule artifacts.unused-suppression) for each suppression, or rule named in one, that
// silenced nothing; ids in `known_ids` only, since unknown ones have their own rule.
void apply_suppressions(const std::vector<Suppression>& suppressions, const Source& source,
                        std::vector<Diagnostic>& diagnostics, bool report_unused, const std::vector<std::string>& known_ids);

// The rule unused suppressions are reported under: not a check of the text, but of
// what the other checks found, so it is no rule pack's.
const Rule& unused_suppression_rule();

}  // namespace copydesk
