// unknown-variant kind: a capitalized word no dictionary knows that is one slip of
// typing away from a name on the names lists ("Stoltenbreg" for "Stoltenberg"). One use
// is enough, but only a slip of the fingers is evidence: a rare correct name one letter
// from a famous one (Lukashenka, Sheiman) is far commoner than a typo of it. The lists
// are every .dic in force (dictionaries/ and the newsroom's); their capitalized entries
// are indexed once, when the rule loads.
#include <unordered_set>

#include <fmt/format.h>
#include <unicode/unistr.h>

#include "checks/names/names.hpp"
#include "engine/check.hpp"
#include "lm/language_model.hpp"

namespace copydesk {
namespace {

using names::Relation;
using names::Spelling;

// "NATO", "UNICEF": an acronym.
bool all_capitals(std::string_view s) {
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  icu::UnicodeString upper(u);
  return upper.toUpper() == u;
}

// Whether `typed` is surely a slip of the listed `name`, not a name of its own: a slip
// of the fingers (typing_slip) inside the name (Stoltenbreg), that drops no letter
// (Ratcliff / Ratcliffe, Polansky / Polyansky are names too), keeps the first and last
// letters (Eurostar / Eurostat) and makes a word general English does not use (the
// language model's vocabulary holds many names).
bool strong_evidence(const std::string& typed, const std::string& name, const LanguageModel* lm) {
  return typed.size() >= name.size() && typed.front() == name.front() && typed.back() == name.back() &&
         typing_slip(typed, name) && (lm == nullptr || lm->id(typed) == LanguageModel::kNone);
}

class UnknownNameVariant : public Check {
 public:
  // One edit only, however long the name: a single use is weaker evidence than an
  // article that spells a name both ways.
  UnknownNameVariant(const Rule& rule, const LoadContext& context)
      : limits_{option<std::size_t>(rule, "min_length"), static_cast<std::size_t>(-1), 0},
        list_(names::name_list(context)), index_(limits_) {
    entries_.reserve(list_->names().size());
    for (const std::string& name : list_->names()) entries_.emplace_back(name, true);
    index_ = names::DeletionIndex(limits_, entries_);
  }

  void run(const Document& doc, const Resources& res, Emitter& out) const override {
    if (res.speller == nullptr || entries_.empty()) return;
    const std::vector<names::Form>& forms = names::document_forms(doc, res, *list_);
    std::unordered_set<std::string_view> used;
    for (const names::Form& f : forms) used.insert(f.text);

    for (const names::Form& form : forms) {
      if (form.known) continue;
      const Spelling* match = nullptr;
      Relation match_relation = Relation::None;
      bool usable = true;
      for (std::uint32_t id : index_.near(form)) {
        const Spelling& name = entries_[id];
        const Relation r = names::relation(form, name, limits_);
        // "Nato" for "NATO" is a house style too.
        if (r == Relation::None || (r == Relation::Case && all_capitals(name.text)))
          continue;
        // A listed name romanised or accented another way is a house style, not a slip;
        // two listed names it could be a slip of leave the choice open.
        if (r == Relation::Accents || r == Relation::Romanised || (match != nullptr && match->key != name.key)) {
          usable = false;
          break;
        }
        match = &name;
        match_relation = r;
      }
      // When the article also uses the listed spelling, the inconsistency is reported
      // by names.inconsistent-spelling, with the place it is used.
      if (!usable || match == nullptr || used.count(match->text)) continue;
      if (match_relation == Relation::Typo && !strong_evidence(form.key, match->key, res.lm)) continue;
      const std::string message =
          match_relation == Relation::Case
              ? fmt::format("“{}” is capitalized differently from “{}” on the names list.", form.text, match->text)
              : fmt::format("“{}” is in no dictionary and looks like a misspelling of “{}”, a name on the names list.",
                            form.text, match->text);
      for (const names::Use& u : form.uses) out.report(u.begin, u.end - u.begin, message, {match->text});
    }
  }

 private:
  names::Limits limits_;
  std::shared_ptr<const names::NameList> list_;
  std::vector<Spelling> entries_;  // the list's names, with the keys they are compared by
  names::DeletionIndex index_;     // over entries_
};

COPYDESK_REGISTER_CHECK("unknown-variant", [](const Rule& rule, const LoadContext& context) {
  return std::make_unique<UnknownNameVariant>(rule, context);
},
                        {"min_length", OptionType::Integer, "7", "shorter words are not compared with the names lists"});

COPYDESK_KIND_ALIAS("unknown-name-variant", "unknown-variant");

}  // namespace
}  // namespace copydesk
