// archive-variant kind: a name spelled in a way the newsroom's archive never or rarely
// uses when it often uses a close spelling ("Blingen" against 240 "Blinken"). One article
// cannot tell a slip from a rare name; years of published stories can. The archive is
// the counts `copydesk names learn` wrote, given with `check --names FILE` (or the
// rule's `archive` option); without one the rule says nothing.
#include <algorithm>
#include <unordered_set>

#include <fmt/format.h>

#include "checks/names/archive.hpp"
#include "checks/names/names.hpp"
#include "engine/check.hpp"
#include "spell/speller.hpp"

namespace copydesk {
namespace {

using names::Relation;
using names::Spelling;

class ArchiveVariant : public Check {
 public:
  ArchiveVariant(const Rule& rule, const LoadContext& context)
      : limits_{option<std::size_t>(rule, "min_length"), option<std::size_t>(rule, "two_edits_from"),
                option<std::size_t>(rule, "min_length_beside_known")},
        min_count_(option<std::uint64_t>(rule, "min_count")),
        ratio_(option<std::uint64_t>(rule, "ratio")),
        list_(names::name_list(context)),
        index_(limits_) {
    const YAML::Node archive = rule.options["archive"];
    const std::filesystem::path file = archive ? context.resolve(rule, archive.as<std::string>()) : context.names_file;
    if (file.empty()) return;
    names::read_counts(file, counts_);
    // Only spellings used often enough to be suggested are indexed: a large archive's
    // rare spellings are most of it.
    for (const auto& [text, n] : counts_)
      if (n >= min_count_) frequent_.emplace_back(text, false);
    index_ = names::DeletionIndex(limits_, frequent_);
  }

  void run(const Document& doc, const Resources& res, Emitter& out) const override {
    if (res.speller == nullptr || frequent_.empty()) return;
    const std::vector<names::Form>& forms = names::document_forms(doc, res, *list_);
    std::unordered_set<std::string_view> used;
    for (const names::Form& f : forms) used.insert(f.text);

    for (const names::Form& form : forms) {
      const std::uint64_t seen = count(form.text);
      const Spelling* best = nullptr;
      Relation best_relation = Relation::None;
      for (std::uint32_t id : index_.near(form)) {
        // Whether a dictionary knows the archive's spelling depends on this thread's speller.
        Spelling name = frequent_[id];
        const bool lower_known = res.speller->known(fold_case(name.text));
        name.known = lower_known || res.speller->known(name.text);
        name.common = lower_known && !list_->contains(name.text);
        const Relation r = names::relation(form, name, limits_);
        if (r == Relation::None || count(name.text) < ratio_ * std::max<std::uint64_t>(seen, 1)) continue;
        // A dictionary's spelling stands against the archive's, but for its accents.
        if (form.known && !name.known && r != Relation::Accents) continue;
        if (best == nullptr || count(name.text) > count(best->text)) {
          best = &frequent_[id];
          best_relation = r;
        }
      }
      // When the article uses the archive's spelling too, names.inconsistent-spelling
      // reports the pair with the place it is used.
      if (best == nullptr || used.count(best->text)) continue;
      const std::string message =
          fmt::format("“{}” {} “{}”, which the archive uses {} (“{}”: {}).", form.text,
                      names::relation_phrase(best_relation), best->text, names::times(count(best->text)), form.text,
                      seen == 0 ? "never" : names::times(seen));
      for (const names::Use& u : form.uses) out.report(u.begin, u.end - u.begin, message, {best->text});
    }
  }

 private:
  std::uint64_t count(const std::string& text) const {
    const auto it = counts_.find(text);
    return it == counts_.end() ? 0 : it->second;
  }

  names::Limits limits_;
  std::uint64_t min_count_, ratio_;
  std::shared_ptr<const names::NameList> list_;  // tells listed names from common words capitalized
  NameCounts counts_;             // the archive: every spelling and its uses
  std::vector<Spelling> frequent_;  // the spellings used at least min_count_ times
  names::DeletionIndex index_;    // over frequent_
};

COPYDESK_REGISTER_CHECK("archive-variant", [](const Rule& rule, const LoadContext& context) {
  return std::make_unique<ArchiveVariant>(rule, context);
},
                        {"archive", OptionType::Text, "", "counts of name spellings (copydesk names learn); unset: check --names"},
                        {"min_count", OptionType::Integer, "20", "the fewest uses of a spelling the archive suggests"},
                        {"ratio", OptionType::Integer, "20", "how many times as often as the flagged spelling it is used, at least"},
                        {"min_length", OptionType::Integer, "6", "shorter spellings are never taken for typos of each other"},
                        {"two_edits_from", OptionType::Integer, "10", "from this many letters, two edits still make one name"},
                        {"min_length_beside_known", OptionType::Integer, "4", "the shortest spelling compared with a known name"});

}  // namespace
}  // namespace copydesk
