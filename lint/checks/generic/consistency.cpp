// consistency kind: an article should write a thing one way. Each option group lists
// spellings of one thing ("U.S." / "US"); when an article uses more than one, the
// less used spellings are flagged with the most used one as the suggestion.
#include <fmt/format.h>
#include <re2/re2.h>

#include <memory>

#include "engine/check.hpp"

namespace copydesk {
namespace {

struct Variant {
  std::string spelling;
  std::unique_ptr<RE2> pattern;
};

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
        const std::string spelling = item.Scalar();
        // Whole words only: no letter or digit may touch either end.
        auto re = std::make_unique<RE2>("(?:^|[^\\pL\\pN])(" + RE2::QuoteMeta(spelling) + ")(?:[^\\pL\\pN]|$)");
        if (!re->ok()) config_error(rule.origin, item, "cannot match spelling: " + re->error());
        variants.push_back({spelling, std::move(re)});
      }
    }
  }

  void run(const Document& doc, const Resources&, Emitter& out) const override {
    const std::string_view text = doc.text();
    for (const auto& variants : groups_) {
      std::vector<std::vector<std::size_t>> hits(variants.size());
      for (std::size_t v = 0; v < variants.size(); ++v) {
        re2::StringPiece rest(text.data(), text.size()), match;
        while (RE2::FindAndConsume(&rest, *variants[v].pattern, &match)) {
          hits[v].push_back(static_cast<std::size_t>(match.data() - text.data()));
          // Step back onto the character after the match: it may begin the next one.
          rest = re2::StringPiece(match.data() + match.size(), text.data() + text.size() - (match.data() + match.size()));
        }
      }
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
          Diagnostic& d = out.report(at, variants[v].spelling.size(),
                                     fmt::format("“{}” is also written “{}” in this article ({}); pick one.",
                                                 variants[v].spelling, variants[best].spelling,
                                                 hits[best].size() == 1 ? "once" : fmt::format("{} times", hits[best].size())),
                                     {variants[best].spelling});
          d.related.push_back({hits[best][0], variants[best].spelling.size(),
                               fmt::format("“{}” is used here", variants[best].spelling)});
        }
      }
    }
  }

 private:
  std::vector<std::vector<Variant>> groups_;
};

COPYDESK_REGISTER_CHECK("consistency", [](const Rule& rule, const LoadContext&) {
  return std::make_unique<Consistency>(rule);
},
                        {"groups", OptionType::List, "", "lists of spellings of which an article should use one"});

}  // namespace
}  // namespace copydesk
