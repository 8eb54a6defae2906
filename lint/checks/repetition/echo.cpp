// echo kind: one uncommon content word twice within a few words of the same sentence
// ("regulators fined a refinery after its refinery leaked"). Names, the terms an article
// is about (used three times or more) and the words of compound nouns ("wireless
// devices and wireless networks") must repeat and are left alone. Common words repeat unnoticed
// ("said", "year"), so rarity is weighed with the word-frequency list: a word counts
// only when the list's corpus holds it at most `max_count` times. Deliberate repeats
// are left alone: "side by side" (one function word between), items of a list ("civil
// rights and civil liberties"), and parallel phrases in which the word keeps the same
// neighbour ("the Department of Energy, the Department of Labor").
#include <fmt/format.h>
#include <set>

#include "checks/repetition/words.hpp"

namespace copydesk::repetition {
namespace {

constexpr std::size_t kTermUses = 3;
const std::set<std::string_view> kJoiners = {"and", "or", "but", "nor", "than", "versus", "vs"};

class Echo : public Check {
 public:
  Echo(const Rule& rule, const LoadContext& context)
      : max_distance_(option<std::size_t>(rule, "max_distance")),
        max_count_(option<std::uint32_t>(rule, "max_count")),
        min_length_(option<std::size_t>(rule, "min_length")),
        frequency_(rule, context) {}

  void run(const Document& doc, const Resources& res, Emitter& out) const override {
    const auto& tokens = doc.tokens();
    const auto& sentences = doc.sentences();
    const DocumentWords& document_words = DocumentWords::of(doc, res);
    // Words are compared without their possessive ending: by their `base` ids.
    // A word the article uses three times or more is one of its terms: it must repeat.
    std::vector<std::uint32_t> uses(document_words.distinct(), 0);
    for (const Word& w : document_words.all()) ++uses[w.base];
    // Whether a word is long and rare enough to be heard twice, asked of the frequency
    // list once per word of the article rather than at each use.
    enum class Weight : std::uint8_t { Unweighed, Rare, Common };
    std::vector<Weight> weight(document_words.distinct(), Weight::Unweighed);
    // seen[id]: the sentence (plus one) in which the word was last seen, and its latest
    // index there in `words`.
    std::vector<std::pair<std::uint32_t, std::size_t>> seen(document_words.distinct(), {0, 0});
    for (const Paragraph& p : doc.paragraphs()) {
      if (is_heading_or_item(doc, p)) continue;
      for (std::uint32_t si = p.first_sentence; si < p.last_sentence; ++si) {
        const std::span<const Word> words = document_words.in(sentences[si].first_token, sentences[si].last_token);
        for (std::size_t k = 0; k < words.size(); ++k) {
          const std::uint32_t base = words[k].base;
          if (weight[base] == Weight::Unweighed)
            weight[base] = rare(without_possessive(words[k].key)) ? Weight::Rare : Weight::Common;
          if (weight[base] == Weight::Common) continue;
          // A name cannot be reworded ("Lithuania would ask Lithuania" is for the
          // garbled checks), nor a term the text is about.
          const Token& t = tokens[words[k].token];
          if ((t.letter_case != Case::Lower && !t.sentence_initial) || uses[base] >= kTermUses) continue;
          auto& [sentence, latest] = seen[base];
          if (sentence != si + 1) {
            sentence = si + 1;
            latest = k;
            continue;
          }
          const std::size_t first = latest;
          latest = k;
          if (k - first > max_distance_ || deliberate(doc, words, first, k)) continue;
          const Token& a = tokens[words[first].token];
          const Token& b = tokens[words[k].token];
          Diagnostic& d = out.report(b.begin, b.size(), fmt::format("“{}” is used twice within a few words.", b.text));
          d.related.push_back({a.begin, a.size(), fmt::format("“{}” is first used here.", a.text)});
        }
      }
    }
  }

 private:
  // Long enough and rare enough in the frequency list to be noticed when repeated.
  bool rare(std::string_view key) const {
    return key.size() >= min_length_ && !frequency_.function_word(key) && frequency_.count(key) <= max_count_;
  }

  bool deliberate(const Document& doc, std::span<const Word> words, std::size_t a, std::size_t b) const {
    // Punctuation between the two starts another clause or list item ("Japan's Prime
    // Minister said, “Japan welcomes..."), and a conjunction joins parallel items
    // ("civil rights and civil liberties"): either way the repeat is heard as intended.
    if (words[b].token - words[a].token != b - a) return true;
    if (in_name(doc, words[a].token) || in_name(doc, words[b].token)) return true;
    if (in_compound(doc, words[a].token) || in_compound(doc, words[b].token)) return true;
    for (std::size_t k = a + 1; k < b; ++k)
      if (kJoiners.count(words[k].key) > 0) return true;
    if (b - a == 2 && frequency_.function_word(words[a + 1].key)) return true;  // "side by side"
    // The same neighbour on either side: a parallel phrase ("Prime Minister A and Prime Minister B").
    if (a > 0 && words[a - 1].id == words[b - 1].id) return true;
    return b + 1 < words.size() && words[a + 1].id == words[b + 1].id;
  }

  // Part of a name of several capitalized words ("the Bipartisan Infrastructure Deal",
  // "Queen Mary's"), which the writer cannot reword, or a short particle inside one
  // ("Ministerio del Interior", "Leonardo da Vinci").
  static bool in_name(const Document& doc, std::uint32_t k) {
    constexpr std::size_t kParticleBytes = 3;
    const auto& tokens = doc.tokens();
    auto capitalized = [&](std::uint32_t i) {
      return i < tokens.size() && tokens[i].kind == TokenKind::Word && tokens[i].letter_case != Case::Lower &&
             tokens[i].sentence == tokens[k].sentence;
    };
    if (!capitalized(k))
      return tokens[k].size() <= kParticleBytes && k > 0 && capitalized(k - 1) && capitalized(k + 1);
    return (k > 0 && capitalized(k - 1)) || capitalized(k + 1);
  }

  // The first word of a compound noun ("wireless devices ... wireless networks",
  // "growth ... the growth cone"): a term, which the text cannot vary.
  static bool in_compound(const Document& doc, std::uint32_t k) {
    const auto& tokens = doc.tokens();
    return k + 1 < tokens.size() && tokens[k + 1].sentence == tokens[k].sentence && is_noun(doc.pos(k + 1)) &&
           (is_noun(doc.pos(k)) || doc.pos(k) == Pos::JJ);
  }

  std::size_t max_distance_;
  std::uint32_t max_count_;
  std::size_t min_length_;
  WordFrequency frequency_;
};

COPYDESK_REGISTER_CHECK("echo", [](const Rule& rule, const LoadContext& context) {
  return std::make_unique<Echo>(rule, context);
},
                        {"max_distance", OptionType::Integer, "6", "words from the first use to the second"},
                        {"max_count", OptionType::Integer, "10", "uses in the frequency list above which a word is common"},
                        {"min_length", OptionType::Integer, "3", "shorter words are not compared"},
                        kFrequencyListOption);

}  // namespace
}  // namespace copydesk::repetition
