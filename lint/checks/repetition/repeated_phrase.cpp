// repeated-phrase kind: the same phrase of three or more words written again within a
// few sentences ("We are ready for talks. ... we are ready to advance"). A phrase of
// function words only ("one of the") repeats unnoticed, and so do names and titles
// ("the United States", "Secretary of State") and the fixed expressions of the rule's
// `ignore` list: a repeat counts only when a verb, adjective or adverb outside them
// repeats, and not in a parallel figure of speech.
//
// One pass over the words: each three-word sequence is linked to the latest earlier one
// of the same three words, found in a table keyed by their ids, so a repeat is one step
// back and the check stays linear, however many sequences share a first word.
#include <algorithm>
#include <bit>
#include <fmt/format.h>
#include <utility>

#include "base/mix64.hpp"
#include "checks/repetition/words.hpp"

namespace copydesk::repetition {
namespace {

constexpr std::size_t kSeed = 3;  // words in the sequences looked up

class RepeatedPhrase : public Check {
 public:
  RepeatedPhrase(const Rule& rule, const LoadContext& context)
      : window_(option<std::uint32_t>(rule, "window_sentences")),
        same_paragraph_(option<bool>(rule, "same_paragraph")),
        max_words_(std::max<std::size_t>(kSeed, option<std::size_t>(rule, "max_words"))),
        frequency_(rule, context) {
    for (const auto& phrase : option<std::vector<std::string>>(rule, "ignore")) {
      std::vector<std::string> keys;
      for (std::size_t b = 0, e; b < phrase.size(); b = e + 1) {
        e = std::min(phrase.find(' ', b), phrase.size());
        if (e > b) keys.push_back(fold_word(phrase.substr(b, e - b)));
      }
      if (!keys.empty()) ignore_.push_back(std::move(keys));
    }
  }

  void run(const Document& doc, const Resources& res, Emitter& out) const override {
    const auto& tokens = doc.tokens();
    const auto& sentences = doc.sentences();
    const auto& paragraphs = doc.paragraphs();
    const DocumentWords& document_words = DocumentWords::of(doc, res);
    std::vector<Word> words;
    words.reserve(document_words.all().size());
    // Words of running prose only; a phrase stops at punctuation and at a sentence's end.
    // joined[i]: words[i] continues the phrase of words[i-1] (bytes, not bits: read for every word)
    std::vector<std::uint8_t> joined;
    joined.reserve(words.capacity());
    for (const Paragraph& p : paragraphs) {
      if (p.first_sentence == p.last_sentence || is_heading_or_item(doc, p)) continue;
      for (const Word& w :
           document_words.in(sentences[p.first_sentence].first_token, sentences[p.last_sentence - 1].last_token)) {
        joined.push_back(!words.empty() && words.back().token + 1 == w.token &&
                         tokens[words.back().token].sentence == tokens[w.token].sentence);
        words.push_back(w);
      }
    }
    // first_word[s]: the first of those words in sentence s or after it.
    std::vector<std::uint32_t> first_word(sentences.size() + 1);
    for (std::uint32_t s = 0, w = 0; s <= sentences.size(); ++s) {
      while (w < words.size() && tokens[words[w].token].sentence < s) ++w;
      first_word[s] = w;
    }
    const std::vector<std::uint32_t> previous = previous_starts(words, joined);
    for (std::size_t j = 0; j + kSeed <= words.size(); ++j) {
      if (!joined[j + 1] || !joined[j + 2]) continue;
      const std::uint32_t sj = tokens[words[j].token].sentence;
      // The window's first sentence, and its first word.
      std::uint32_t window_start = sj >= window_ ? sj - window_ : 0;
      if (same_paragraph_) window_start = std::max(window_start, paragraphs[sentences[sj].paragraph].first_sentence);
      const std::uint32_t i = previous[j];
      // None within the window, or one the phrase overlaps ("very very very very").
      if (i == kNone || i < first_word[window_start] || i + kSeed > j) continue;
      const std::uint32_t si = tokens[words[i].token].sentence;
      std::size_t n = kSeed;
      while (n < max_words_ && j + n < words.size() && joined[j + n] && joined[i + n] && i + n < j &&
             words[i + n].id == words[j + n].id)
        ++n;
      if (!noticeable(doc, words, j, n) || parallel(doc, words[i], words[j])) continue;
      const Token& a = tokens[words[j].token];
      const Token& b = tokens[words[j + n - 1].token];
      const Token& c = tokens[words[i].token];
      const Token& d = tokens[words[i + n - 1].token];
      Diagnostic& diag = out.report(
          a.begin, b.end - a.begin,
          fmt::format("“{}” repeats a phrase {}.", doc.slice(a.begin, b.end),
                      si == sj ? "from earlier in the sentence" : sj - si == 1 ? "from the sentence before" : "used just before"));
      diag.related.push_back({c.begin, d.end - c.begin, "The phrase is first used here."});
      j += n - 1;  // the rest of this repeat is reported
    }
  }

 private:
  static constexpr std::uint32_t kNone = UINT32_MAX;

  // For each start of three joined words, the latest earlier start of the same three
  // words, or kNone: an open-addressing table (at most half full) holds the latest start
  // of each sequence, keyed by its three ids.
  static std::vector<std::uint32_t> previous_starts(const std::vector<Word>& words,
                                                    const std::vector<std::uint8_t>& joined) {
    std::vector<std::uint32_t> previous(words.size(), kNone);
    std::vector<std::uint32_t> latest(std::bit_ceil(2 * words.size() + 2), kNone);
    const std::size_t mask = latest.size() - 1;
    for (std::size_t j = 0; j + kSeed <= words.size(); ++j) {
      if (!joined[j + 1] || !joined[j + 2]) continue;
      const std::uint64_t ids = std::uint64_t{words[j].id} << 32 | words[j + 1].id;
      for (std::size_t slot = mix64(ids + kGoldenGamma * (words[j + 2].id + std::uint64_t{1})) & mask;;
           slot = (slot + 1) & mask) {
        if (latest[slot] == kNone || same_keys(words, latest[slot], j, kSeed)) {
          previous[j] = std::exchange(latest[slot], static_cast<std::uint32_t>(j));
          break;
        }
      }
    }
    return previous;
  }

  // What stands before a phrase: the previous word, a punctuation mark, or "" at the
  // start of a sentence (an opening quotation mark does not count).
  static std::string_view lead(const Document& doc, const Word& w) {
    const auto& tokens = doc.tokens();
    const std::uint32_t first = doc.sentences()[tokens[w.token].sentence].first_token;
    for (std::uint32_t k = w.token; k > first; --k) {
      const std::string_view t = tokens[k - 1].text;
      if (!is_opening_quotation_mark(t) && t != "\"") return t;
    }
    return {};
  }

  // Rhetoric repeats on purpose, in parallel: "We cannot let our allies down. We cannot
  // let Ukraine down", "partly due to A and partly due to B". A phrase that comes back
  // after a conjunction, or in the same position as before, is such a figure.
  static bool parallel(const Document& doc, const Word& earlier, const Word& later) {
    const std::string lead_later = fold_word(lead(doc, later));
    if (lead_later == "and" || lead_later == "or" || lead_later == "but" || lead_later == "nor") return true;
    return fold_word(lead(doc, earlier)) == lead_later;
  }

  // Does a plain content word repeat outside names and fixed expressions?
  bool noticeable(const Document& doc, const std::vector<Word>& words, std::size_t at, std::size_t n) const {
    std::vector<bool> fixed(n, false);
    for (const auto& expr : ignore_)
      for (std::size_t k = 0; k + expr.size() <= n; ++k)
        if (std::equal(expr.begin(), expr.end(), words.begin() + static_cast<std::ptrdiff_t>(at + k),
                       [](const std::string& e, const Word& w) { return e == w.key; }))
          std::fill(fixed.begin() + static_cast<std::ptrdiff_t>(k),
                    fixed.begin() + static_cast<std::ptrdiff_t>(k + expr.size()), true);
    for (std::size_t k = 0; k < n; ++k) {
      const Token& t = doc.tokens()[words[at + k].token];
      // A capital inside the sentence marks a name or a title ("Fostering the Future").
      if (!t.sentence_initial && t.letter_case != Case::Lower) return false;
    }
    // Nouns name the article's topics, which it rightly repeats ("child care workers");
    // a repeated verb, adjective or adverb is what a reader hears as an echo.
    for (std::size_t k = 0; k < n; ++k)
      if (!fixed[k] && frequency_.word_class(words[at + k].key) == WordFrequency::Class::Other) return true;
    return false;
  }

  std::uint32_t window_;
  bool same_paragraph_;
  std::size_t max_words_;
  std::vector<std::vector<std::string>> ignore_;
  WordFrequency frequency_;
};

COPYDESK_REGISTER_CHECK("repeated-phrase", [](const Rule& rule, const LoadContext& context) {
  return std::make_unique<RepeatedPhrase>(rule, context);
},
                        {"window_sentences", OptionType::Integer, "1", "how many sentences back a repeat is looked for"},
                        {"same_paragraph", OptionType::Boolean, "true", "only within one paragraph"},
                        {"max_words", OptionType::Integer, "12", "the longest repeat reported as one"},
                        {"ignore", OptionType::TextList, "[]", "stock phrases never reported"},
                        kFrequencyListOption);

}  // namespace
}  // namespace copydesk::repetition
