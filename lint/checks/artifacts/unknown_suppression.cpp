// unknown-suppression kind: a suppression comment naming a rule that does not exist (a
// typo, a rule renamed) silences nothing, and the finding it meant to silence stays.
#include <algorithm>
#include <fmt/format.h>

#include "engine/check.hpp"

namespace copydesk {
namespace {

class UnknownSuppression : public Check {
 public:
  explicit UnknownSuppression(std::vector<std::string> rule_ids) : rule_ids_(std::move(rule_ids)) {}

  void run(const Document& doc, const Resources&, Emitter& out) const override {
    for (const Suppression& s : doc.suppressions())
      for (const RuleMention& m : s.rules)
        if (!std::binary_search(rule_ids_.begin(), rule_ids_.end(), m.id))
          out.report(m.offset, m.length,
                     fmt::format("“{}” is no rule, so this suppression silences nothing (copydesk rules lists them).",
                                 m.id));
  }

 private:
  std::vector<std::string> rule_ids_;  // sorted
};

COPYDESK_REGISTER_CHECK("unknown-suppression", [](const Rule&, const LoadContext& context) {
  std::vector<std::string> ids = context.rule_ids;
  std::sort(ids.begin(), ids.end());
  return std::make_unique<UnknownSuppression>(std::move(ids));
});

}  // namespace
}  // namespace copydesk
