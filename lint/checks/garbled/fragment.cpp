// fragment kind: a sentence with no main clause. Only the openings that machine
// translation leaves behind when it splits a sentence in the wrong place are considered
// (a preposition, an infinitive, a participle, a subordinator, a noun phrase whose only
// verb is in a relative clause), so verbless headlines, answers and imperatives pass.
#include <algorithm>

#include <fmt/format.h>

#include "engine/check.hpp"

namespace copydesk {
namespace {

bool is_word(const Token& t) { return t.kind == TokenKind::Word || t.kind == TokenKind::Number; }

// Conjunctions that open an adverbial clause; "after", "before" or "since" are left out
// because they are prepositions as often as not.
bool is_subordinator(const Token& t) {
  if (t.pos == Pos::WDT || t.pos == Pos::WP || t.pos == Pos::WPS || t.pos == Pos::WRB) return true;
  if (t.pos != Pos::IN) return false;
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
bool is_auxiliary(const Token& t) {
  if (t.pos == Pos::MD || t.pos == Pos::TO || is_contracted_verb(t)) return true;
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
      if (words.size() < min_words_ || tokens[words[0]].pos == Pos::None || !ends_with_period(tokens, s)) continue;
      const Token& first = tokens[words[0]];
      // Split after "U.S." or an initial, a bullet, or a lower-case start: not a sentence.
      if (first.letter_case == Case::Lower ||
          words[0] != s.first_token + (is_quotation_mark(tokens[s.first_token].text) ? 1 : 0) ||
          ends_on_abbreviation(tokens, s) || ends_on_abbreviation(tokens, sentences[si - 1]))
        continue;
      // In a quotation, an elliptical answer may open it; a piece after a full sentence
      // of the same quotation is a broken sentence.
      if (first.in_quote && !continues_quotation(doc, si)) continue;
      const Opening opening = opening_of(tokens, words);
      if (opening == Opening::None || has_main_clause(tokens, words, opening)) continue;
      if (opening == Opening::NounPhrase && words.size() > max_noun_phrase_words_) continue;
      if (is_anaphora(doc, si, first)) continue;
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
  static bool is_anaphora(const Document& doc, std::uint32_t si, const Token& first) {
    const auto& tokens = doc.tokens();
    const auto opens_alike = [&](std::uint32_t other) {
      if (other >= doc.sentences().size()) return false;
      const auto words = words_of(tokens, doc.sentences()[other]);
      if (words.empty()) return false;
      const Token& w = tokens[words[0]];
      // Sentences open on "The" all the time: a determiner alone makes no parallel.
      if (first.pos != Pos::DT && fold_case(w.text) == fold_case(first.text)) return true;
      return w.pos == first.pos && std::none_of(words.begin(), words.end(), [&](std::uint32_t k) {
               return is_finite_verb(tokens[k].pos);
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

  static Opening opening_of(const std::vector<Token>& tokens, const std::vector<std::uint32_t>& words) {
    const Token& first = tokens[words[0]];
    const Token& second = tokens[words[1]];
    const std::string w = fold_case(first.text);
    if (is_contracted_verb(first)) return Opening::None;
    // "Because…" is how answers begin; it is left to the context.
    if (w == "because" || w == "that") return Opening::None;
    if (is_subordinator(first) || w == "including") return Opening::Subordinate;
    if (first.pos == Pos::TO && second.pos == Pos::VB) return Opening::Infinitive;
    if (first.pos == Pos::IN) return Opening::Preposition;
    // A sentence cannot open on a finite past verb: "Retrieved" is a participle there.
    if (first.pos == Pos::VBN || first.pos == Pos::VBG || first.pos == Pos::VBD) return Opening::Participle;
    if (is_noun(first.pos) || first.pos == Pos::DT || first.pos == Pos::JJ || first.pos == Pos::PDT)
      return Opening::NounPhrase;
    // Tagged as an imperative, but "Conflict and all that…" is a noun: imperatives are
    // coordinated with verbs ("Wait and see").
    if (first.pos == Pos::VB && second.pos == Pos::CC && words.size() > 2 && !is_verb(tokens[words[2]].pos))
      return Opening::NounPhrase;
    return Opening::None;
  }

  // Whether some verb group heads a clause that no subordinator claims. A subordinator
  // claims the next verb group before a comma. Past participles count as heads too (the
  // tagger often takes "the G7 agreed" for a participle); gerunds and infinitives do not.
  static bool has_main_clause(const std::vector<Token>& tokens, const std::vector<std::uint32_t>& words,
                              Opening opening) {
    // "With X, the talks…": after an opening phrase and a comma comes the main clause,
    // even when the tagger misses its verb.
    if (opening != Opening::NounPhrase) {
      for (std::size_t i = 0; i + 3 < words.size(); ++i)
        if (tokens[words[i] + 1].text == ",") return true;
    }
    int pending = 0;
    bool relative_seen = false;
    const Token* prev_word = nullptr;
    for (std::uint32_t k = words.front(); k <= words.back(); ++k) {
      const Token& t = tokens[k];
      if (t.text == "," || t.text == ";" || t.text == ":" || t.text == "\u2014") {
        pending = 0;
        continue;
      }
      if (!is_word(t)) continue;
      const bool head = (is_verb(t.pos) || t.pos == Pos::MD || is_contracted_verb(t)) && t.pos != Pos::VBG &&
                        !(prev_word != nullptr && is_auxiliary(*prev_word)) &&
                        !(k == words.front() && opening != Opening::Subordinate) && !is_attributive(tokens, k);
      if (head) {
        if (pending == 0) return true;
        --pending;
      } else if (is_subordinator(t) || (fold_case(t.text) == "that" && prev_word != nullptr && is_verb(prev_word->pos))) {
        // "say that diplomacy has failed": "that" after a verb opens its complement.
        ++pending;
        // A noun phrase's relative clause must start with its verb ("all that comes"):
        // with a subject between, the tagger may have taken the main verb for a noun.
        const bool relative = t.pos == Pos::WDT || t.pos == Pos::WP;
        if (relative && k + 1 < tokens.size() && (is_verb(tokens[k + 1].pos) || tokens[k + 1].pos == Pos::MD))
          relative_seen = true;
      }
      if (t.pos != Pos::RB) prev_word = &t;
    }
    return opening == Opening::NounPhrase && !relative_seen;
  }

  // "the frozen trees": a participle between a determiner or adjective and its noun
  // modifies the noun.
  static bool is_attributive(const std::vector<Token>& tokens, std::uint32_t k) {
    if (tokens[k].pos != Pos::VBN || k == 0 || k + 1 >= tokens.size()) return false;
    const Pos before = tokens[k - 1].pos, after = tokens[k + 1].pos;
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
