// echo kind: one uncommon content word twice within a few words of the same sentence
// ("NATO's demands that Ukraine never accept Ukraine"). Common words repeat unnoticed
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
    for (const Paragraph& p : doc.paragraphs()) {
      if (is_heading_or_item(doc, p)) continue;
      for (std::uint32_t si = p.first_sentence; si < p.last_sentence; ++si) {
        const std::vector<Word> words = words_of(doc, sentences[si].first_token, sentences[si].last_token);
        seen.clear();
        for (std::size_t k = 0; k < words.size(); ++k) {
          const std::string_view key = without_possessive(words[k].key);
          if (key.size() < min_length_ || frequency_.function_word(key) || frequency_.count(key) > max_count_)
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
    for (std::size_t k = a + 1; k < b; ++k)
      if (kJoiners.count(words[k].key) > 0) return true;
    if (b - a == 2 && frequency_.function_word(words[a + 1].key)) return true;  // "side by side"
    // The same neighbour on either side: a parallel phrase ("Prime Minister A and Prime Minister B").
    if (a > 0 && words[a - 1].key == words[b - 1].key) return true;
    return b + 1 < words.size() && words[a + 1].key == words[b + 1].key;
  }

  // Part of a name of several capitalized words ("the Bipartisan Infrastructure Deal",
  // "Queen Mary's"), which the writer cannot reword.
  static bool in_name(const Document& doc, std::uint32_t k) {
    const auto& tokens = doc.tokens();
    auto capitalized = [&](std::uint32_t i) {
      return i < tokens.size() && tokens[i].kind == TokenKind::Word && tokens[i].letter_case != Case::Lower &&
             tokens[i].sentence == tokens[k].sentence;
    };
    return capitalized(k) && ((k > 0 && capitalized(k - 1)) || capitalized(k + 1));
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
                        repetition::kFrequencyListOption);

}  // namespace
}  // namespace copydesk::repetition
