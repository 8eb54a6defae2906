// inconsistent-spelling kind: one name spelled two ways in one article ("Blinken" seven
// times, "Blingen" five). No speller helps when neither spelling is in a dictionary, so
// the article itself is the evidence: the spellings of each capitalized word are
// compared with the others near it (typos, case slips, accents, romanisation), the
// canonical one is chosen, and every use of the other is reported.
#include <algorithm>

#include <fmt/format.h>

#include "checks/names/names.hpp"
#include "engine/check.hpp"

namespace copydesk {
namespace {

using names::Form;
using names::Relation;

// Whether a is the better spelling of the two: the dictionary's, else the one used
// more often, else (for a slip or a romanisation) the one written in full with a first
// name; a case slip needs more than that. Accents are
// compared by use alone, then the accented spelling wins: dictionaries drop accents.
// Two candidate spellings are weighed with Relation::None: dictionary, then use.
bool better(const Form& a, const Form& b, Relation r) {
  if (a.known != b.known && r != Relation::Accents) return a.known;
  if (a.uses.size() != b.uses.size()) return a.uses.size() > b.uses.size();
  if (r == Relation::Accents) return a.key != fold_case(a.text) && b.key == fold_case(b.text);
  return (r == Relation::Typo || r == Relation::Romanised) && a.full_uses() > 0 && b.full_uses() == 0;
}

// "Nancy Levenson" and "Robert Levinson", "Adriano Espaillat" and "Adriana Ruiz": each
// spelling written beside names or titles of its own belongs to its own person.
bool two_people(const Form& a, const Form& b) {
  std::vector<std::uint32_t> mine = a.preceders, theirs = b.preceders;
  mine.insert(mine.end(), a.followers.begin(), a.followers.end());
  theirs.insert(theirs.end(), b.followers.begin(), b.followers.end());
  if (mine.empty() || theirs.empty()) return false;
  for (const std::uint32_t m : mine)
    if (std::find(theirs.begin(), theirs.end(), m) != theirs.end()) return false;
  return true;
}

// A word the article uses only as a first or middle name ("Tamim bin Hamad Al-Thani")
// is not a slip of one it never uses so ("Hamas").
bool only_before_a_name(const Form& f) { return f.followers.size() == f.uses.size(); }

// "Ivana Trump" and "Ivanka Trump", "Kim Jong Un" and "Kim Jong Il": first names
// before one surname belong to relatives.
bool share_a_surname(const Form& a, const Form& b) {
  for (const std::uint32_t f : a.followers)
    if (std::find(b.followers.begin(), b.followers.end(), f) != b.followers.end()) return true;
  return false;
}

class InconsistentName : public Check {
 public:
  InconsistentName(const Rule& rule, const LoadContext& context)
      : limits_{option<std::size_t>(rule, "min_length"), option<std::size_t>(rule, "two_edits_from"),
                option<std::size_t>(rule, "min_length_beside_known")},
        list_(names::name_list(context)) {}

  void run(const Document& doc, const Resources& res, Emitter& out) const override {
    if (res.speller == nullptr) return;
    const std::vector<Form>& forms = names::document_forms(doc, res, *list_);
    const std::vector<std::vector<std::uint32_t>> near = names::DeletionIndex(limits_, forms).neighbours();

    for (std::size_t i = 0; i < forms.size(); ++i) {
      const Form& form = forms[i];
      const Form* best = nullptr;
      Relation best_relation = Relation::None;
      bool ambiguous = false;
      for (std::uint32_t id : near[i]) {
        const Form& other = forms[id];
        const Relation r = names::relation(form, other, limits_);
        if (r == Relation::None || !better(other, form, r)) continue;
        if (r == Relation::Typo && (share_a_surname(form, other) || two_people(form, other) ||
                                    (only_before_a_name(form) && other.followers.empty())))
          continue;
        if (best == nullptr || better(other, *best, Relation::None)) {
          best = &other;
          best_relation = r;
          ambiguous = false;
        } else if (!better(*best, other, Relation::None)) {
          ambiguous = true;  // two spellings it could be a slip of: say nothing
        }
      }
      if (best != nullptr && !ambiguous) report(doc, form, *best, best_relation, out);
    }
  }

 private:
  static void report(const Document& doc, const Form& form, const Form& canon, Relation r, Emitter& out) {
    // The first use written in full shows the name best.
    const names::Use* shown = &canon.uses.front();
    for (const names::Use& u : canon.uses)
      if (u.first_name != names::Use::npos) {
        shown = &u;
        break;
      }
    std::string why;
    if (canon.known && !form.known && r != Relation::Accents) {
      why = fmt::format("the dictionary’s spelling, which this article uses {}", names::times(canon.uses.size()));
    } else if (canon.uses.size() > form.uses.size()) {
      why = fmt::format("which this article uses {}", names::times(canon.uses.size()));
    } else if (r == Relation::Accents) {
      why = fmt::format("which this article also uses {}", names::times(canon.uses.size()));
    } else {
      why = fmt::format("which this article uses with the full name “{}”", doc.slice(shown->first_name, shown->end));
    }
    const std::string message = fmt::format("“{}” {} “{}”, {}.", form.text, names::relation_phrase(r), canon.text, why);
    for (const names::Use& u : form.uses) {
      Diagnostic& d = out.report(u.begin, u.end - u.begin, message, {canon.text});
      d.related.push_back({shown->begin, shown->end - shown->begin, fmt::format("“{}” is used here.", canon.text)});
    }
  }

  names::Limits limits_;
  std::shared_ptr<const names::NameList> list_;  // tells listed names from common words capitalized
};

COPYDESK_REGISTER_CHECK("inconsistent-spelling", [](const Rule& rule, const LoadContext& context) {
  return std::make_unique<InconsistentName>(rule, context);
},
                        {"min_length", OptionType::Integer, "6", "shorter spellings are never taken for typos of each other"},
                        {"two_edits_from", OptionType::Integer, "10", "from this many letters, two edits still make one name"},
                        {"min_length_beside_known", OptionType::Integer, "4", "the shortest spelling compared with a listed name"});

COPYDESK_KIND_ALIAS("inconsistent-name", "inconsistent-spelling");

}  // namespace
}  // namespace copydesk
