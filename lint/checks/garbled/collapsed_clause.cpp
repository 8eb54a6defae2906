// collapsed-clause kind: the same name on both sides of a verb ("that Ukraine never
// accept Ukraine") or of a coordination ("Russia and Russia"). Translation engines
// produce it when they lose track of which entity is which; a writer would have used
// "itself" or another name. Only names are compared: lower-case repeats are idioms
// ("day by day", "neighbours helping neighbours"), and whole names are compared, so
// "Russia and Russia’s allies" or "the United States and the United States Congress"
// are different entities.
#include <algorithm>

#include <fmt/format.h>

#include "engine/check.hpp"

namespace copydesk {
namespace {

bool is_name_word(const Token& t) {
  return t.kind == TokenKind::Word && (t.letter_case == Case::Capital || t.letter_case == Case::Upper ||
                                       t.letter_case == Case::Mixed);
}

bool is_lower_word(const Token& t) { return t.kind == TokenKind::Word && t.letter_case == Case::Lower; }

// Copulas and their kin make tautologies ("Russia is Russia", "a deal remains a deal").
bool is_linking_verb(std::string_view w) {
  static constexpr std::string_view kLinking[] = {
      "be", "is", "are", "was", "were", "been", "being", "am", "become", "becomes", "became", "becoming",
      "remain", "remains", "remained", "stay", "stays", "stayed", "seem", "seems", "seemed"};
  return std::find(std::begin(kLinking), std::end(kLinking), w) != std::end(kLinking);
}

struct Run {
  std::uint32_t begin, end;  // token range of a maximal sequence of capitalized words
};

class CollapsedClause : public Check {
 public:
  explicit CollapsedClause(const Rule& rule) : max_gap_(option<std::uint32_t>(rule, "max_gap")) {}

  void run(const Document& doc, const Resources&, Emitter& out) const override {
    const auto& tokens = doc.tokens();
    for (const Sentence& s : doc.sentences()) {
      std::vector<Run> runs;
      for (std::uint32_t k = s.first_token; k < s.last_token; ++k) {
        if (!is_name_word(tokens[k])) continue;
        std::uint32_t e = k;
        while (e < s.last_token && is_name_word(tokens[e])) ++e;
        runs.push_back({k, e});
        k = e - 1;
      }
      for (std::size_t i = 0; i + 1 < runs.size(); ++i) {
        const Run a = runs[i], b = runs[i + 1];
        if (b.begin - a.end > max_gap_ || !same_words(tokens, a, b)) continue;
        std::string finding;
        if (coordinated(tokens, a, b)) {
          finding = "joins a name to itself";
        } else if (const Token* verb = verb_between(doc, a, b, s)) {
          finding = fmt::format("has “{}” as both the subject and the object of “{}”",
                                doc.slice(tokens[a.begin].begin, tokens[a.end - 1].end), verb->text);
        } else {
          continue;
        }
        const std::size_t begin = tokens[a.begin].begin, end = tokens[b.end - 1].end;
        out.report(begin, end - begin,
                   fmt::format("“{}” {}; the translation has probably lost the other party.",
                               doc.slice(begin, end), finding));
      }
    }
  }

 private:
  static bool same_words(const std::vector<Token>& tokens, Run a, Run b) {
    if (a.end - a.begin != b.end - b.begin) return false;
    for (std::uint32_t k = 0; k < a.end - a.begin; ++k)
      if (tokens[a.begin + k].text != tokens[b.begin + k].text) return false;
    return true;
  }

  // "X and X", "X or the X".
  static bool coordinated(const std::vector<Token>& tokens, Run a, Run b) {
    std::uint32_t k = a.end;
    if (!(tokens[k].text == "and" || tokens[k].text == "or" || tokens[k].text == "nor")) return false;
    ++k;
    if (k < b.begin && tokens[k].text == "the") ++k;
    return k == b.begin;
  }

  // The verb of "X [adverbs] verb [the] X", when the second X is its object rather than
  // the subject of a clause of its own ("Ukraine hopes Ukraine will join").
  static const Token* verb_between(const Document& doc, Run a, Run b, const Sentence& s) {
    const auto& tokens = doc.tokens();
    const Token* verb = nullptr;
    for (std::uint32_t k = a.end; k < b.begin; ++k) {
      const Token& t = tokens[k];
      if (!is_lower_word(t)) return nullptr;
      const Pos pos = doc.pos(k);
      if (is_verb(pos) || pos == Pos::MD) {
        if (is_linking_verb(t.text)) return nullptr;
        if (pos != Pos::MD) verb = &t;
      } else if (!(pos == Pos::RB || (pos == Pos::DT && k + 1 == b.begin))) {
        return nullptr;
      }
    }
    if (b.end < s.last_token) {
      const Pos after = doc.pos(b.end);
      if (is_verb(after) || after == Pos::MD || after == Pos::POS) return nullptr;
    }
    return verb;
  }

  std::uint32_t max_gap_;
};

COPYDESK_REGISTER_CHECK("collapsed-clause", [](const Rule& rule, const LoadContext&) {
  return std::make_unique<CollapsedClause>(rule);
},
                        {"max_gap", OptionType::Integer, "3", "at most this many words between the two names"});

}  // namespace
}  // namespace copydesk
