// fragment kind: a sentence with no main clause. Only the openings that machine
// translation leaves behind when it splits a sentence in the wrong place are considered
// (a preposition, an infinitive, a participle, a subordinator, a noun phrase whose only
// verb is in a relative clause), so verbless headlines, answers and imperatives pass.
#include <algorithm>
#include <optional>

#include <fmt/format.h>

#include "engine/check.hpp"

namespace copydesk {
namespace {

bool is_word(const Token& t) { return t.kind == TokenKind::Word || t.kind == TokenKind::Number; }

// Conjunctions that open an adverbial clause; "after", "before" or "since" are left out
// because they are prepositions as often as not.
bool is_subordinator(const Document& doc, std::uint32_t k) {
  const Pos pos = doc.pos(k);
  if (pos == Pos::WDT || pos == Pos::WP || pos == Pos::WPS || pos == Pos::WRB) return true;
  if (pos != Pos::IN) return false;
  const Token& t = doc.tokens()[k];
  static constexpr std::string_view kWords[] = {"that", "because", "although", "though", "while", "whereas",
                                                "if", "unless", "whether"};
  const std::string w = fold_case(t.text);
  return std::find(std::begin(kWords), std::end(kWords), w) != std::end(kWords);
}

enum class Opening { None, Preposition, Infinitive, Participle, Subordinate, NounPhrase };

// A contraction carries a finite verb: "we’re", "I’ve", "doesn’t", "it’s".
bool is_contracted_verb(const Token& t) {
  const std::string& w = t.key;
  const auto ends = [&](std::string_view tail) { return w.size() > tail.size() && w.ends_with(tail); };
  if (ends("'re") || ends("'ve") || ends("'ll") || ends("'d") || ends("'m") || ends("n't")) return true;
  static constexpr std::string_view kIs[] = {"it's", "that's", "he's", "she's", "there's", "here's",
                                             "what's", "who's", "where's", "let's"};
  return std::find(std::begin(kIs), std::end(kIs), w) != std::end(kIs);
}

// A word after which a verb belongs to the same verb group ("will not help", "has failed").
bool is_auxiliary(const Document& doc, std::uint32_t k) {
  const Token& t = doc.tokens()[k];
  if (doc.pos(k) == Pos::MD || doc.pos(k) == Pos::TO || is_contracted_verb(t)) return true;
  static constexpr std::string_view kAux[] = {"be",  "is",  "are", "was",    "were", "been", "being", "am",
                                              "have", "has", "had", "having", "do",   "does", "did"};
  const std::string w = fold_case(t.text);
  return std::find(std::begin(kAux), std::end(kAux), w) != std::end(kAux);
}

// The word before a sentence's final period: "U.S" or an initial, after which the
// sentence splitter may have cut a sentence in two.
bool ends_on_abbreviation(const std::vector<Token>& tokens, const Sentence& s) {
  for (std::uint32_t k = s.last_token; k-- > s.first_token;) {
    if (tokens[k].kind != TokenKind::Word) continue;
    return tokens[k].text.find('.') != std::string_view::npos || tokens[k].text.size() == 1;
  }
  return false;
}

class Fragment : public Check {
 public:
  explicit Fragment(const Rule& rule)
      : min_words_(std::max<std::size_t>(option<std::size_t>(rule, "min_words"), 2)),
        max_noun_phrase_words_(option<std::size_t>(rule, "max_noun_phrase_words")) {}

  void run(const Document& doc, const Resources&, Emitter& out) const override {
    const auto& tokens = doc.tokens();
    const auto& sentences = doc.sentences();
    for (std::uint32_t si = 0; si < sentences.size(); ++si) {
      const Sentence& s = sentences[si];
      const Paragraph& p = doc.paragraphs()[s.paragraph];
      // Headlines, one-line paragraphs (datelines, bylines, captions, list items) and
      // run-in heads ("Expanding Access to Health Care. The plan…").
      if (p.heading_like || opens_paragraph(doc, si)) continue;
      const std::vector<std::uint32_t> words = words_of(tokens, s);
      if (words.size() < min_words_ || !ends_with_period(tokens, s)) continue;
      const Token& first = tokens[words[0]];
      // Split after "U.S." or an initial, a bullet, or a lower-case start: not a sentence.
      if (first.letter_case == Case::Lower ||
          words[0] != s.first_token + (is_quotation_mark(tokens[s.first_token].text) ? 1 : 0) ||
          ends_on_abbreviation(tokens, s) || ends_on_abbreviation(tokens, sentences[si - 1]))
        continue;
      // In a quotation, an elliptical answer may open it; a piece after a full sentence
      // of the same quotation is a broken sentence.
      if (first.in_quote && !continues_quotation(doc, si)) continue;
      // What follows reads the sentence's tags (and tags it), unless the words settle it:
      // an opening that makes no fragment, or a long sentence with a comma after its
      // opening, which is either too long a noun phrase or an opening phrase with its
      // main clause after the comma, whatever the tags say.
      if (opens_no_fragment(first) ||
          (words.size() > max_noun_phrase_words_ && comma_after_opening(tokens, words)))
        continue;
      // Without a tagger nothing is judged.
      if (doc.pos(words[0]) == Pos::None) continue;
      const Opening opening = opening_of(doc, words);
      if (opening == Opening::None || has_main_clause(doc, words, opening)) continue;
      if (opening == Opening::NounPhrase && words.size() > max_noun_phrase_words_) continue;
      if (is_anaphora(doc, si, words[0])) continue;
      const std::size_t end = tokens[last_period(tokens, s)].end;
      out.report(s.begin, end - s.begin,
                 fmt::format("“{}” is not a full sentence: {}.", doc.slice(s.begin, end), explain(opening)));
    }
  }

 private:
  static std::vector<std::uint32_t> words_of(const std::vector<Token>& tokens, const Sentence& s) {
    std::vector<std::uint32_t> words;
    for (std::uint32_t k = s.first_token; k < s.last_token; ++k)
      if (is_word(tokens[k])) words.push_back(k);
    return words;
  }

  static std::uint32_t last_period(const std::vector<Token>& tokens, const Sentence& s) {
    std::uint32_t k = s.last_token - 1;
    while (k > s.first_token && is_quotation_mark(tokens[k].text)) --k;
    return k;
  }

  static bool ends_with_period(const std::vector<Token>& tokens, const Sentence& s) {
    return tokens[last_period(tokens, s)].text == ".";
  }

  static bool continues_quotation(const Document& doc, std::uint32_t si) {
    const Sentence& prev = doc.sentences()[si - 1];
    const Sentence& s = doc.sentences()[si];
    const auto& tokens = doc.tokens();
    // The quotation must not have opened at this sentence.
    if (is_quotation_mark(tokens[s.first_token].text)) return false;
    return prev.paragraph == s.paragraph && tokens[prev.last_token - 1].in_quote;
  }

  // Parallel pieces that open alike ("In big cities and small towns. In schools and
  // shopping malls. On city street corners…") are rhetoric, not breakage.
  static bool is_anaphora(const Document& doc, std::uint32_t si, std::uint32_t first) {
    const auto& tokens = doc.tokens();
    const auto opens_alike = [&](std::uint32_t other) {
      if (other >= doc.sentences().size()) return false;
      const auto words = words_of(tokens, doc.sentences()[other]);
      if (words.empty()) return false;
      const Token& w = tokens[words[0]];
      // Sentences open on "The" all the time: a determiner alone makes no parallel.
      if (doc.pos(first) != Pos::DT && fold_case(w.text) == fold_case(tokens[first].text)) return true;
      return doc.pos(words[0]) == doc.pos(first) && std::none_of(words.begin(), words.end(), [&](std::uint32_t k) {
               return is_finite_verb(doc.pos(k));
             });
    };
    return (si > 0 && opens_alike(si - 1)) || opens_alike(si + 1);
  }

  // The first sentence of its paragraph, after a list number such as "3.".
  static bool opens_paragraph(const Document& doc, std::uint32_t si) {
    const auto& sentences = doc.sentences();
    for (std::uint32_t k = doc.paragraphs()[sentences[si].paragraph].first_sentence; k < si; ++k) {
      const Sentence& s = sentences[k];
      for (std::uint32_t t = s.first_token; t < s.last_token; ++t)
        if (doc.tokens()[t].kind == TokenKind::Word) return false;
    }
    return true;
  }

  // A first word that makes the opening Opening::None, whatever its tag: a contraction
  // carries a finite verb, and "Because…" is how answers begin (left to the context).
  static bool opens_no_fragment(const Token& first) {
    const std::string w = fold_case(first.text);
    return is_contracted_verb(first) || w == "because" || w == "that";
  }

  // "With X, the talks…": after an opening phrase and a comma comes the main clause,
  // even when the tagger misses its verb.
  static bool comma_after_opening(const std::vector<Token>& tokens, const std::vector<std::uint32_t>& words) {
    for (std::size_t i = 0; i + 3 < words.size(); ++i)
      if (tokens[words[i] + 1].text == ",") return true;
    return false;
  }

  // The opening of a sentence whose first word is not one of opens_no_fragment's.
  static Opening opening_of(const Document& doc, const std::vector<std::uint32_t>& words) {
    const Token& first = doc.tokens()[words[0]];
    if (is_subordinator(doc, words[0]) || fold_case(first.text) == "including") return Opening::Subordinate;
    const Pos pos = doc.pos(words[0]), second = doc.pos(words[1]);
    if (pos == Pos::TO && second == Pos::VB) return Opening::Infinitive;
    if (pos == Pos::IN) return Opening::Preposition;
    // A sentence cannot open on a finite past verb: "Retrieved" is a participle there.
    if (pos == Pos::VBN || pos == Pos::VBG || pos == Pos::VBD) return Opening::Participle;
    if (is_noun(pos) || pos == Pos::DT || pos == Pos::JJ || pos == Pos::PDT) return Opening::NounPhrase;
    // Tagged as an imperative, but "Conflict and all that…" is a noun: imperatives are
    // coordinated with verbs ("Wait and see").
    if (pos == Pos::VB && second == Pos::CC && words.size() > 2 && !is_verb(doc.pos(words[2])))
      return Opening::NounPhrase;
    return Opening::None;
  }

  // Whether some verb group heads a clause that no subordinator claims. A subordinator
  // claims the next verb group before a comma. Past participles count as heads too (the
  // tagger often takes "the G7 agreed" for a participle); gerunds and infinitives do not.
  static bool has_main_clause(const Document& doc, const std::vector<std::uint32_t>& words, Opening opening) {
    const auto& tokens = doc.tokens();
    if (opening != Opening::NounPhrase && comma_after_opening(tokens, words)) return true;
    int pending = 0;
    bool relative_seen = false;
    std::optional<std::uint32_t> prev_word;
    for (std::uint32_t k = words.front(); k <= words.back(); ++k) {
      const Token& t = tokens[k];
      if (t.text == "," || t.text == ";" || t.text == ":" || t.text == "\u2014") {
        pending = 0;
        continue;
      }
      if (!is_word(t)) continue;
      const Pos pos = doc.pos(k);
      const bool head = (is_verb(pos) || pos == Pos::MD || is_contracted_verb(t)) && pos != Pos::VBG &&
                        !(prev_word && is_auxiliary(doc, *prev_word)) &&
                        !(k == words.front() && opening != Opening::Subordinate) && !is_attributive(doc, k);
      if (head) {
        if (pending == 0) return true;
        --pending;
      } else if (is_subordinator(doc, k) ||
                 (fold_case(t.text) == "that" && prev_word && is_verb(doc.pos(*prev_word)))) {
        // "say that diplomacy has failed": "that" after a verb opens its complement.
        ++pending;
        // A noun phrase's relative clause must start with its verb ("all that comes"):
        // with a subject between, the tagger may have taken the main verb for a noun.
        const bool relative = pos == Pos::WDT || pos == Pos::WP;
        if (relative && k + 1 < tokens.size() && (is_verb(doc.pos(k + 1)) || doc.pos(k + 1) == Pos::MD))
          relative_seen = true;
      }
      if (pos != Pos::RB) prev_word = k;
    }
    return opening == Opening::NounPhrase && !relative_seen;
  }

  // "the frozen trees": a participle between a determiner or adjective and its noun
  // modifies the noun.
  static bool is_attributive(const Document& doc, std::uint32_t k) {
    if (doc.pos(k) != Pos::VBN || k == 0 || k + 1 >= doc.tokens().size()) return false;
    const Pos before = doc.pos(k - 1), after = doc.pos(k + 1);
    return (before == Pos::DT || before == Pos::PRPS || before == Pos::JJ) && (is_noun(after) || after == Pos::JJ);
  }

  static std::string_view explain(Opening opening) {
    switch (opening) {
      case Opening::Preposition: return "a prepositional phrase with no main clause";
      case Opening::Infinitive: return "an infinitive phrase with no main clause";
      case Opening::Participle: return "a participle with no subject";
      case Opening::Subordinate: return "a subordinate clause with no main clause";
      default: return "its only verb is in a relative clause";
    }
  }

  std::size_t min_words_;
  std::size_t max_noun_phrase_words_;
};

COPYDESK_REGISTER_CHECK("fragment", [](const Rule& rule, const LoadContext&) {
  return std::make_unique<Fragment>(rule);
},
                        {"min_words", OptionType::Integer, "3", "shorter sentences (\"Not so.\") are left alone"},
                        {"max_noun_phrase_words", OptionType::Integer, "12", "the longest noun phrase taken for a fragment"});

}  // namespace
}  // namespace copydesk
