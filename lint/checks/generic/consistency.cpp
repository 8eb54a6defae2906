// consistency kind: an article should write a thing one way. Each option group lists
// spellings of one thing ("U.S." / "US"); when an article uses more than one, the
// less used spellings are flagged with the most used one as the suggestion.
//
// The spellings of every consistency rule are found in one pass: one regular expression
// (RE2) of all of them, compiled once when the first document is checked. A pack of
// 10,000 groups is then one automaton, not 10,000 expressions each scanning the text.
// Where two spellings overlap in the text, the one that starts first (then the longest)
// is the one counted. That a spelling stands between non-word characters is checked
// here, not in the expression: Unicode's letter and number classes would make RE2 build
// automata thirty times costlier, a cost every run paid on its first match.
#include <fmt/format.h>
#include <re2/re2.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "base/text.hpp"
#include "engine/check.hpp"

namespace copydesk {
namespace {

// Every spelling of every consistency rule, each once.
class SpellingIndex {
 public:
  // Where each spelling occurs in a document (byte offsets), by spelling id.
  using Hits = std::unordered_map<std::uint32_t, std::vector<std::size_t>>;

  std::uint32_t add(const std::string& spelling) {
    const auto [it, added] = ids_.emplace(spelling, static_cast<std::uint32_t>(spellings_.size()));
    if (added) {
      spellings_.push_back(spelling);
      longest_ = std::max(longest_, spelling.size());
    }
    return it->second;
  }
  const std::string& spelling(std::uint32_t id) const { return spellings_[id]; }

  Hits find(std::string_view text) const {
    std::call_once(compiled_, [this] { compile(); });
    Hits hits;
    re2::StringPiece rest(text.data(), text.size()), match;
    while (RE2::FindAndConsume(&rest, *pattern_, &match)) {
      const auto at = static_cast<std::size_t>(match.data() - text.data());
      const std::size_t length = whole_word_at(text, at);
      if (length > 0) hits[ids_.find(text.substr(at, length))->second].push_back(at);
      // On after the spelling; one byte on when none is a whole word here (a spelling
      // cannot begin inside a character, so the search skips the rest of it).
      const std::size_t next = at + std::max<std::size_t>(length, 1);
      rest = re2::StringPiece(text.data() + next, text.size() - next);
    }
    return hits;
  }

 private:
  // The length of the longest spelling that starts at `at` as a whole word, or 0.
  std::size_t whole_word_at(std::string_view text, std::size_t at) const {
    if (is_word_character(code_point_before(text, at))) return 0;
    for (std::size_t length = std::min(longest_, text.size() - at); length > 0; --length)
      if (ids_.count(text.substr(at, length)) != 0 && !is_word_character(code_point_at(text, at + length))) return length;
    return 0;
  }
  static bool is_word_character(UChar32 c) { return c > 0 && (U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_N_MASK)) != 0; }

  void compile() const {
    std::string pattern = "(";
    for (const std::string& spelling : spellings_) {
      if (pattern.size() > 1) pattern += '|';
      pattern += RE2::QuoteMeta(spelling);
    }
    pattern += ')';
    RE2::Options options;
    // The default budget (8 MB) holds a few thousand spellings; a pack may hold 100,000.
    options.set_max_mem(std::max<int64_t>(64 << 20, static_cast<int64_t>(pattern.size()) * 256));
    pattern_ = std::make_unique<RE2>(pattern, options);
    if (!pattern_->ok()) throw ConfigError("the spellings of the consistency rules cannot be matched: " + pattern_->error());
  }

  StringMap<std::uint32_t> ids_;
  std::vector<std::string> spellings_;
  std::size_t longest_ = 0;  // bytes
  mutable std::once_flag compiled_;
  mutable std::unique_ptr<RE2> pattern_;
};

class Consistency : public Check {
 public:
  Consistency(const Rule& rule, const LoadContext& ctx) : index_(ctx.shared_by_kind<SpellingIndex>("consistency")) {
    const YAML::Node groups = rule.options ? rule.options["groups"] : YAML::Node();
    if (!groups || !groups.IsSequence()) config_error(rule.origin, rule.options, "consistency needs 'groups', a list of lists");
    for (const auto& group : groups) {
      if (!group.IsSequence() || group.size() < 2)
        config_error(rule.origin, group, "each consistency group lists two or more spellings");
      auto& variants = groups_.emplace_back();
      for (const auto& item : group) {
        if (!item.IsScalar() || item.Scalar().empty())
          config_error(rule.origin, item, "a consistency spelling must be a non-empty text");
        variants.push_back(index_->add(item.Scalar()));
      }
    }
  }

  void run(const Document& doc, const Resources& res, Emitter& out) const override {
    const auto& found = res.memo.get<SpellingIndex::Hits>(index_.get(), [&] { return index_->find(doc.text()); });
    if (found.empty()) return;
    static const std::vector<std::size_t> none;
    for (const auto& variants : groups_) {
      std::vector<const std::vector<std::size_t>*> hits;
      for (const std::uint32_t id : variants) {
        const auto it = found.find(id);
        hits.push_back(it == found.end() ? &none : &it->second);
      }
      std::size_t used = 0, best = 0;
      for (std::size_t v = 0; v < variants.size(); ++v) {
        if (hits[v]->empty()) continue;
        ++used;
        // Most used wins; on a tie, the one the article used first.
        if (hits[best]->empty() || hits[v]->size() > hits[best]->size() ||
            (hits[v]->size() == hits[best]->size() && (*hits[v])[0] < (*hits[best])[0]))
          best = v;
      }
      if (used < 2) continue;
      const std::string& preferred = index_->spelling(variants[best]);
      for (std::size_t v = 0; v < variants.size(); ++v) {
        if (v == best) continue;
        const std::string& spelling = index_->spelling(variants[v]);
        for (std::size_t at : *hits[v]) {
          Diagnostic& d = out.report(at, spelling.size(),
                                     fmt::format("“{}” is also written “{}” in this article ({}); pick one.", spelling,
                                                 preferred,
                                                 hits[best]->size() == 1 ? "once" : fmt::format("{} times", hits[best]->size())),
                                     {preferred});
          d.related.push_back({(*hits[best])[0], preferred.size(), fmt::format("“{}” is used here", preferred)});
        }
      }
    }
  }

 private:
  std::shared_ptr<SpellingIndex> index_;  // shared by every consistency rule
  std::vector<std::vector<std::uint32_t>> groups_;
};

COPYDESK_REGISTER_CHECK("consistency", [](const Rule& rule, const LoadContext& ctx) {
  return std::make_unique<Consistency>(rule, ctx);
},
                        {"groups", OptionType::List, "", "lists of spellings of which an article should use one"});

}  // namespace
}  // namespace copydesk
