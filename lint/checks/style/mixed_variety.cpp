// mixed-variety kind: an article that mixes American and British spelling ("color"
// beside "programme"), reported once. The article's own variety is the one most of its
// marked words follow, when at least two do and more than the other's (or the one --lang
// or the configuration forces); its first word of the other variety is reported, with
// how many more there are. A word marks a variety
// when only that variety's SCOWL list holds it and the other's has a spelling of it
// within two edits (Lexicon::marks_variety); names and words capitalized inside a
// sentence ("the Labour Party") are left out.
#include <algorithm>
#include <fmt/format.h>

#include "checks/shared/document_words.hpp"
#include "engine/check.hpp"
#include "spell/lexicon.hpp"

namespace copydesk {
namespace {

std::string_view variety_name(std::uint8_t v) { return v == kBritish ? "British" : "American"; }

std::string and_more(std::size_t n) { return n == 0 ? "" : fmt::format(" and {} more", n); }

class EnglishVariety : public Check {
 public:
  EnglishVariety(const Rule&, const LoadContext& context)
      : forced_(context.language_forced ? (context.language == "en_GB" ? kBritish : kAmerican) : 0),
        lexicon_(context.lexicon()) {}

  void run(const Document& doc, const Resources& res, Emitter& out) const override {
    std::vector<const Token*> marked[3];  // by variety
    // A document repeats its words: each is searched for in the lexicon once, kept by the
    // id of its key without a possessive ending (Word::base) rather than hashed again.
    const DocumentWords& words = DocumentWords::of(doc, res);
    constexpr std::uint8_t kNotLooked = 0xFF;
    std::vector<std::uint8_t> marks(words.distinct(), kNotLooked);
    for (const Word& w : words.all()) {
      const Token& t = doc.tokens()[w.token];
      if (t.letter_case != Case::Lower && !(t.letter_case == Case::Capital && t.sentence_initial)) continue;
      if (t.digit_or_dot) continue;
      // The Document folded the word already; only lower-case and capitalized words come
      // here, so their possessive ending is "'s" once folded.
      if (marks[w.base] == kNotLooked) marks[w.base] = lexicon_->marks_variety(without_possessive(w.key));
      if (marks[w.base] != 0) marked[marks[w.base]].push_back(&t);
    }
    const std::size_t us = marked[kAmerican].size(), gb = marked[kBritish].size();
    std::uint8_t own = forced_;
    if (own == 0) {
      // The article's own variety must be clear: at least two words and more than the
      // other's. One word each (a quotation, a name's spelling) tells nothing.
      if (us == gb || std::min(us, gb) == 0 || std::max(us, gb) < 2) return;
      own = us > gb ? kAmerican : kBritish;
    }
    const std::uint8_t other = own ^ (kAmerican | kBritish);
    if (marked[other].empty()) return;
    const Token& first = *marked[other].front();
    const std::size_t more = marked[other].size() - 1;
    const std::string why = forced_ != 0
                                ? fmt::format("the article is checked as {} English", variety_name(own))
                                : fmt::format("the article otherwise follows {} spelling (“{}”{})", variety_name(own),
                                              marked[own].front()->text, and_more(marked[own].size() - 1));
    out.report(first.begin, first.size(),
               fmt::format("“{}” is {} spelling{}; {}.", first.text, variety_name(other),
                           more == 0 ? "" : fmt::format(", like {} more word{} of this article", more, more == 1 ? "" : "s"),
                           why));
  }

 private:
  std::uint8_t forced_;
  std::shared_ptr<const Lexicon> lexicon_;
};

COPYDESK_REGISTER_CHECK("mixed-variety", [](const Rule& rule, const LoadContext& context) {
  return std::make_unique<EnglishVariety>(rule, context);
});

COPYDESK_KIND_ALIAS("english-variety", "mixed-variety");

}  // namespace
}  // namespace copydesk
