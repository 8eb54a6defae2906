// doubled-word kind: a word or a short phrase written twice in a row ("the the",
// "a time a time"), the commonest slip of editing. English doubles some words on
// purpose ("had had", "that that", "bye bye"): those are listed in the rule's options.
// Doubled capitalized words are names ("Bora Bora", "Walla Walla") unless they are
// function words, as in a title-case headline's "In In".
#include <algorithm>
#include <fmt/format.h>
#include <set>

#include "checks/repetition/words.hpp"

namespace copydesk::repetition {
namespace {

class DoubledWord : public Check {
 public:
  DoubledWord(const Rule& rule, const LoadContext& context)
      : max_words_(std::max<std::size_t>(1, option<std::size_t>(rule, "max_words"))), frequency_(rule, context) {
    for (const auto& w : option<std::vector<std::string>>(rule, "allowed")) allowed_.insert(fold_word(w));
  }

  void run(const Document& doc, const Resources& res, Emitter& out) const override {
    const auto& tokens = doc.tokens();
    const DocumentWords& document_words = DocumentWords::of(doc, res);
    for (const Sentence& s : doc.sentences()) {
      // Runs of words with nothing but spaces between them; a comma or a dash breaks a
      // run, since "very, very" and "no - no" are deliberate.
      const std::span<const Word> words = document_words.in(s.first_token, s.last_token);
      std::size_t run_begin = 0;
      for (std::size_t i = 0; i < words.size(); ++i) {
        if (i > 0 && words[i].token != words[i - 1].token + 1) run_begin = i;
        // i is the start of a possible second copy; n its length.
        for (std::size_t n = 1; n <= max_words_ && n <= i - run_begin; ++n) {
          const std::size_t first = i - n;
          // Nearly always the first words differ: asked first, it spares the rest.
          if (words[first].id != words[i].id) continue;
          if (i + n > words.size() || words[i + n - 1].token != words[i].token + n - 1) break;
          if (!same_keys(words, first, i, n) || excused(doc, words, first, i, n) || glued(doc, words[i + n - 1].token))
            continue;
          const Token& a = tokens[words[first].token];
          const Token& last = tokens[words[i + n - 1].token];
          const Token& first_end = tokens[words[i - 1].token];
          const std::string_view once = doc.slice(a.begin, first_end.end);
          out.report(a.begin, last.end - a.begin, fmt::format("“{}” is written twice in a row.", once),
                     {std::string(once)});
          i += n - 1;  // past the second copy; the loop adds one
          run_begin = i + 1;
          break;
        }
      }
    }
  }

 private:
  bool excused(const Document& doc, std::span<const Word> words, std::size_t first, std::size_t second,
               std::size_t n) const {
    std::string phrase;
    bool name = true, function = true;
    for (std::size_t k = 0; k < n; ++k) {
      if (k > 0) phrase += ' ';
      phrase += words[first + k].key;
      const Token& a = doc.tokens()[words[first + k].token];
      const Token& b = doc.tokens()[words[second + k].token];
      name = name && a.letter_case != Case::Lower && b.letter_case != Case::Lower;
      function = function && frequency_.function_word(words[first + k].key);
    }
    // "door to door to check": the idiom "door to door" followed by its own "to".
    const bool idiom = n == 2 && !frequency_.function_word(words[first].key) && frequency_.function_word(words[first + 1].key);
    return idiom || allowed_.count(phrase) > 0 || (name && !function);
  }

  // The second copy runs on into a compound: "in in-demand sectors".
  static bool glued(const Document& doc, std::uint32_t last) {
    const auto& tokens = doc.tokens();
    return last + 1 < tokens.size() && tokens[last + 1].begin == tokens[last].end &&
           (tokens[last + 1].text == "-" || tokens[last + 1].text == "\u2010");
  }

  std::size_t max_words_;
  std::set<std::string> allowed_;
  WordFrequency frequency_;
};

COPYDESK_REGISTER_CHECK("doubled-word", [](const Rule& rule, const LoadContext& context) {
  return std::make_unique<DoubledWord>(rule, context);
},
                        {"max_words", OptionType::Integer, "4", "the longest repeated run of words reported as one"},
                        {"allowed", OptionType::TextList, "[]", "words that may stand twice (\"had had\", \"that that\")"},
                        kFrequencyListOption);

}  // namespace
}  // namespace copydesk::repetition
