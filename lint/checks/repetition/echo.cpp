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
#include <unordered_map>

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

  void run(const Document& doc, const Resources&, Emitter& out) const override {
    const auto& tokens = doc.tokens();
    const auto& sentences = doc.sentences();
    std::unordered_map<std::string_view, std::size_t> seen;  // key -> latest index in `words`
    // A word the article uses three times or more is one of its terms: it must repeat.
    StringMap<std::size_t> uses;
    for (const Token& t : tokens)
      if (t.kind == TokenKind::Word) ++uses[std::string(without_possessive(t.key))];
    for (const Paragraph& p : doc.paragraphs()) {
      if (is_heading_or_item(doc, p)) continue;
      for (std::uint32_t si = p.first_sentence; si < p.last_sentence; ++si) {
        const std::vector<Word> words = words_of(doc, sentences[si].first_token, sentences[si].last_token);
        seen.clear();
        for (std::size_t k = 0; k < words.size(); ++k) {
          const std::string_view key = without_possessive(words[k].key);
          if (key.size() < min_length_ || frequency_.function_word(key) || frequency_.count(key) > max_count_)
            continue;
          // A name cannot be reworded ("Lithuania would ask Lithuania" is for the
          // garbled checks), nor a term the text is about.
          const Token& t = tokens[words[k].token];
          const auto used = uses.find(key);
          if ((t.letter_case != Case::Lower && !t.sentence_initial) || (used != uses.end() && used->second >= kTermUses))
            continue;
          auto [it, fresh] = seen.try_emplace(key, k);
          if (fresh) continue;
          const std::size_t first = it->second;
          it->second = k;
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
  bool deliberate(const Document& doc, const std::vector<Word>& words, std::size_t a, std::size_t b) const {
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
    if (a > 0 && words[a - 1].key == words[b - 1].key) return true;
    return b + 1 < words.size() && words[a + 1].key == words[b + 1].key;
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
    return k + 1 < tokens.size() && tokens[k + 1].sentence == tokens[k].sentence && is_noun(tokens[k + 1].pos) &&
           (is_noun(tokens[k].pos) || tokens[k].pos == Pos::JJ);
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
