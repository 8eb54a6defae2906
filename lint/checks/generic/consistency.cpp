// consistency kind: an article should write a thing one way. Each option group lists
// spellings of one thing ("U.S." / "US"); when an article uses more than one, the
// less used spellings are flagged with the most used one as the suggestion.
#include <fmt/format.h>
#include <unicode/uchar.h>

#include "engine/check.hpp"

namespace copydesk {
namespace {

bool letter_or_digit(UChar32 c) { return (U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_N_MASK)) != 0; }

// Where the spelling stands as a whole word: no letter or digit touches either end. A
// plain search, not a regular expression per spelling: compiling hundreds of those,
// each with Unicode classes, cost more than checking an article.
std::vector<std::size_t> whole_word_hits(std::string_view text, std::string_view spelling) {
  std::vector<std::size_t> hits;
  std::size_t after_last = 0;  // hits do not overlap; one may start right where one ended
  for (std::size_t at = text.find(spelling); at != std::string_view::npos; at = text.find(spelling, at + 1)) {
    const std::size_t end = at + spelling.size();
    if (at < after_last) continue;
    if ((at == after_last || !letter_or_digit(code_point_before(text, at))) &&
        (end == text.size() || !letter_or_digit(code_point_at(text, end)))) {
      hits.push_back(at);
      after_last = end;
    }
  }
  return hits;
}

class Consistency : public Check {
 public:
  explicit Consistency(const Rule& rule) {
    const YAML::Node groups = rule.options ? rule.options["groups"] : YAML::Node();
    if (!groups || !groups.IsSequence()) config_error(rule.origin, rule.options, "consistency needs 'groups', a list of lists");
    for (const auto& group : groups) {
      if (!group.IsSequence() || group.size() < 2)
        config_error(rule.origin, group, "each consistency group lists two or more spellings");
      auto& variants = groups_.emplace_back();
      for (const auto& item : group) {
        if (!item.IsScalar() || item.Scalar().empty())
          config_error(rule.origin, item, "a consistency spelling must be a non-empty text");
        variants.push_back(item.Scalar());
      }
    }
  }

  void run(const Document& doc, const Resources&, Emitter& out) const override {
    const std::string_view text = doc.text();
    for (const auto& variants : groups_) {
      std::vector<std::vector<std::size_t>> hits(variants.size());
      for (std::size_t v = 0; v < variants.size(); ++v) hits[v] = whole_word_hits(text, variants[v]);
      std::size_t used = 0, best = 0;
      for (std::size_t v = 0; v < variants.size(); ++v) {
        if (hits[v].empty()) continue;
        ++used;
        // Most used wins; on a tie, the one the article used first.
        if (hits[best].empty() || hits[v].size() > hits[best].size() ||
            (hits[v].size() == hits[best].size() && hits[v][0] < hits[best][0]))
          best = v;
      }
      if (used < 2) continue;
      for (std::size_t v = 0; v < variants.size(); ++v) {
        if (v == best) continue;
        for (std::size_t at : hits[v]) {
          Diagnostic& d = out.report(at, variants[v].size(),
                                     fmt::format("“{}” is also written “{}” in this article ({}); pick one.",
                                                 variants[v], variants[best],
                                                 hits[best].size() == 1 ? "once" : fmt::format("{} times", hits[best].size())),
                                     {variants[best]});
          d.related.push_back({hits[best][0], variants[best].size(),
                               fmt::format("“{}” is used here", variants[best])});
        }
      }
    }
  }

 private:
  std::vector<std::vector<std::string>> groups_;  // spellings of one thing each
};

COPYDESK_REGISTER_CHECK("consistency", [](const Rule& rule, const LoadContext&) {
  return std::make_unique<Consistency>(rule);
},
                        {"groups", OptionType::List, "", "lists of spellings of which an article should use one"});

}  // namespace
}  // namespace copydesk
