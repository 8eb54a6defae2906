// unknown-word kind: lower-case words that are likely typos. A word no dictionary knows is
// not thereby wrong: newsrooms print rare and technical words (refoulement,
// antiretroviral) every day. A word is reported as a typo when a known word close to it
// is far more probable than the word itself, a noisy channel: log10 P(candidate) (the
// language model's unigram) minus the cost of the slip (less for a slip of the fingers),
// against log10 P(word) (its own
// unigram, or a floor: higher for a word of the SCOWL lexicon (about 440,000 words,
// American and British, many rare) and for short strings). With `report: unknown` the kind lists instead the words in no dictionary that
// are not likely typos (an info rule, off by default).
//
// A number with a wrong ordinal ending ("22th", "70tth") is reported too.
//
// Capitalized words are left to the names checks. A word built from known parts
// (round+table, counter+terrorism, impact+ful) is taken as real; a known word glued to a
// function word the model often sees after or before it ("normsthat", "sinceit") is a
// missing space. A hyphenated word is checked whole,
// closed up (co-ordinated) and as prefix + word (narco-, ethno-, anti-); the lower-case
// parts of a name (Chung-tai) are the name's.
#include <algorithm>
#include <array>
#include <optional>
#include <fmt/format.h>
#include <unicode/utf8.h>

#include "checks/shared/word_frequency.hpp"
#include "engine/check.hpp"
#include "lm/language_model.hpp"
#include "spell/lexicon.hpp"
#include "spell/speller.hpp"

namespace copydesk {
namespace {

// Bound prefixes that make new words from known ones ("interagency", "postsecondary").
constexpr std::array<std::string_view, 36> kPrefixes = {
    "anti", "bio",   "co",    "counter", "cyber", "de",   "dis",   "eco",   "geo",  "hyper", "inter", "intra",
    "macro", "micro", "mis",  "multi",   "nano",  "non",  "over",  "post",  "pre",  "re",    "sub",   "super",
    "tele", "trans", "under", "un",      "neo",   "semi", "quasi", "pseudo", "mid", "ex",    "self",  "pro"};

// Derivational endings, with what the stem may have lost: (ending, stem ending to restore).
constexpr std::array<std::pair<std::string_view, std::string_view>, 18> kSuffixes = {{
    {"ization", ""}, {"ization", "e"}, {"izing", "e"}, {"izes", "e"}, {"ized", "e"}, {"ize", "e"},
    {"izing", ""}, {"izes", ""}, {"ized", ""}, {"ize", ""}, {"ative", ""}, {"ful", ""},
    {"ity", "e"}, {"ity", ""}, {"ness", ""}, {"ship", ""}, {"s", ""}, {"ings", ""}}};

// "feedbacks", "clinicals": a plural the dictionary lacks, not a slip of the singular.
bool inflection_of(std::string_view word, std::string_view candidate) {
  return word.size() == candidate.size() + 1 && word.back() == 's' && candidate.back() != 's' && word.starts_with(candidate);
}

bool is_prefix(std::string_view w) { return std::find(kPrefixes.begin(), kPrefixes.end(), w) != kPrefixes.end(); }

// "narco-", "ethno-", "socio-": a combining form in -o before a hyphen.
bool combining_form(std::string_view w) { return w.size() >= 4 && w.back() == 'o'; }

// "22th", "70tth": a number with an ordinal ending that is wrong for it or has a letter
// doubled; the right spelling, or nothing ("5ft", "10am", "90s" are no ordinals).
std::optional<std::string> wrong_ordinal(std::string_view w) {
  const std::size_t digits = w.find_first_not_of("0123456789");
  if (digits == 0 || digits == std::string_view::npos || w.size() - digits < 2) return std::nullopt;
  const std::string_view ending = w.substr(digits);
  const int n = (w[digits - 1] - '0') + (digits >= 2 ? 10 * (w[digits - 2] - '0') : 0);
  const std::string_view right = n % 100 >= 11 && n % 100 <= 13 ? "th"
                                 : n % 10 == 1                  ? "st"
                                 : n % 10 == 2                  ? "nd"
                                 : n % 10 == 3                  ? "rd"
                                                                : "th";
  if (ending == right) return std::nullopt;
  const bool ordinal_ending = ending == "st" || ending == "nd" || ending == "rd" || ending == "th";
  bool doubled = false;  // "tth": the right ending with one of its letters typed twice
  for (std::size_t i = 0; i + 1 < ending.size() && !doubled; ++i)
    doubled = ending[i] == ending[i + 1] && std::string(ending.substr(0, i)) + std::string(ending.substr(i + 1)) == right;
  if (!ordinal_ending && !doubled) return std::nullopt;
  return std::string(w.substr(0, digits)) + std::string(right);
}

class UnknownWord : public Check {
 public:
  UnknownWord(const Rule& rule, const LoadContext& context)
      : report_unknown_(option<std::string>(rule, "report") == "unknown"),
        min_length_(option<std::size_t>(rule, "min_length")),
        two_edits_from_(option<std::size_t>(rule, "two_edits_from")),
        slip_cost_(option<double>(rule, "slip_cost")),
        edit_cost_(option<double>(rule, "edit_cost")),
        two_edit_cost_(option<double>(rule, "two_edit_cost")),
        first_letter_cost_(option<double>(rule, "first_letter_cost")),
        rare_floor_(option<double>(rule, "rare_word_floor")),
        short_word_bonus_(option<double>(rule, "short_word_bonus")),
        unknown_floor_(option<double>(rule, "unknown_word_floor")),
        margin_(option<double>(rule, "margin")),
        run_together_floor_(option<double>(rule, "run_together_floor")),
        suggestions_(option<std::size_t>(rule, "suggestions")),
        lexicon_(context.lexicon()),
        frequency_(rule, context) {}

  void run(const Document& doc, const Resources& res, Emitter& out) const override {
    if (res.speller == nullptr) return;
    const Speller& speller = *res.speller;
    const auto& tokens = doc.tokens();
    for (std::size_t k = 0; k < tokens.size(); ++k) {
      const Token& t = tokens[k];
      // An ordinal starts with a digit: most tokens have none (Token::digit_or_dot).
      if (const auto ordinal = t.digit_or_dot ? wrong_ordinal(t.text) : std::nullopt) {
        if (!report_unknown_)
          out.report(t.begin, t.size(), fmt::format("“{}” is not an ordinal number: “{}”.", t.text, *ordinal), {*ordinal});
        continue;
      }
      if (t.kind != TokenKind::Word || t.known || t.letter_case != Case::Lower) continue;
      if (t.digit_or_dot) continue;  // "90s", "e.g", "whitehouse.gov": not words to spell
      const std::string word = straighten_apostrophes(t.text);
      if (word.size() < min_length_ || known(speller, word)) continue;
      if (const std::string_view stem = without_possessive(word); stem.size() != word.size() && known(speller, stem))
        continue;
      if (part_of_known_compound(doc, k, speller)) continue;
      // "programmes", "clinicals": the plural of a known word is a word ("classs" is not).
      if (const std::string_view singular = std::string_view(word).substr(0, word.size() - 1);
          word.size() > 3 && word.back() == 's' && singular.back() != 's' &&
          (known(speller, singular) || lexicon_->varieties(singular) != 0))
        continue;
      // "kickin'", "livin'": a dropped g, marked by the apostrophe.
      if (word.ends_with("in") && is_quotation_mark(code_point_at(doc.text(), t.end))) continue;
      // A slip can make a word of known parts ("beetween" = bee + tween): the typo model
      // is asked first, the parts only decide whether a word nothing is close to is new.
      std::vector<std::string> corrections = likely_corrections(speller, word);
      if (!report_unknown_ && !corrections.empty()) {
        std::string message = fmt::format("“{}” looks like a misspelling of “{}”.", t.text, corrections.front());
        out.report(t.begin, t.size(), std::move(message), std::move(corrections));
      }
      if (corrections.empty() && res.lm != nullptr)
        if (const auto split = common_pair(*res.lm, speller, word)) {
          if (!report_unknown_)
            out.report(t.begin, t.size(), fmt::format("“{}” looks like two words run together.", t.text), {*split});
          continue;
        }
      if (report_unknown_ && corrections.empty() && !built_from_known_parts(speller, word))
        out.report(t.begin, t.size(), fmt::format("“{}” is not in the dictionary.", t.text));
    }
  }

 private:
  // Hunspell's dictionaries, a British word of the lexicon (the language model counts
  // American text and cannot judge British spelling) or either spelling of a word the
  // varieties spell apart ("color" under en_GB): the article's variety is
  // style.mixed-variety's business. The lexicon's other words are weighed like any.
  bool known(const Speller& speller, std::string_view w) const {
    return speller.known(w) || lexicon_->varieties(w) == kBritish || lexicon_->marks_variety(w) != 0;
  }

  // The candidates far more probable than the word, best first.
  std::vector<std::string> likely_corrections(const Speller& speller, std::string_view word) const {
    // A short string is more often an abbreviation, a sound or a foreign word than a
    // slip: its odds of being meant rise as it shortens.
    const double floor = lexicon_->varieties(word) != 0
                             ? rare_floor_
                             : unknown_floor_ + short_word_bonus_ * static_cast<double>(word.size() < 6 ? 6 - word.size() : 0);
    const double prior = lexicon_->log_frequency(word, floor);
    std::vector<std::pair<double, std::string_view>> scored;
    const std::uint8_t mine = lexicon_->varieties(word);
    for (const Lexicon::Near& n : lexicon_->near(word, word.size() >= two_edits_from_ ? 2 : 1)) {
      // "analyse" is no slip of "analyze": a listed word is compared with its own variety.
      if ((n.varieties & mine) != mine) continue;
      // Slips of the fingers are far commoner than other changes.
      const double cost = n.edits == 2 ? two_edit_cost_ : typing_slip(word, n.word) ? slip_cost_ : edit_cost_;
      const double score = n.log_frequency - cost - (n.word[0] != word[0] ? first_letter_cost_ : 0.0);
      if (score - prior < margin_ || inflection_of(word, n.word)) continue;
      // The model's counts of "seth" or "nato" are the names': a candidate must be a
      // lower-case word of the dictionary.
      if (speller.known(n.word)) scored.emplace_back(score, n.word);
    }
    std::sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<std::string> out;
    for (const auto& s : scored)
      if (out.size() < suggestions_) out.emplace_back(s.second);
    return out;
  }

  // Whether token k is a part of a hyphenated word that is right as a whole: known whole
  // ("pre-existing") or closed up ("co-ordinated"), a name ("Chung-tai"), or a bound
  // prefix or combining form before a hyphen ("narco-trafficking").
  bool part_of_known_compound(const Document& doc, std::size_t k, const Speller& speller) const {
    const auto& tokens = doc.tokens();
    auto hyphen_at = [&](std::size_t h) {
      return h < tokens.size() && tokens[h].text == "-" && h > 0 && h + 1 < tokens.size() &&
             tokens[h - 1].end == tokens[h].begin && tokens[h].end == tokens[h + 1].begin &&
             tokens[h - 1].kind == TokenKind::Word && tokens[h + 1].kind == TokenKind::Word;
    };
    std::size_t first = k, last = k;
    while (first >= 2 && hyphen_at(first - 1)) first -= 2;
    while (hyphen_at(last + 1)) last += 2;
    if (first == last) return false;
    const Token& head = tokens[first];
    if (head.letter_case != Case::Lower && !speller.known(fold_case(head.text))) return true;  // a name
    const std::string whole = fold_case(doc.slice(head.begin, tokens[last].end));
    std::string closed = whole;
    closed.erase(std::remove(closed.begin(), closed.end(), '-'), closed.end());
    if (known(speller, whole) || known(speller, closed)) return true;
    if (k == last) return false;
    const std::string part = fold_case(tokens[k].text);
    return is_prefix(part) || combining_form(part);
  }

  bool known_stem(const Speller& speller, std::string_view stem) const {
    return stem.size() >= 3 && known(speller, stem);
  }

  bool built_from_known_parts(const Speller& speller, const std::string& word) const {
    const std::string_view w = word;
    for (std::string_view prefix : kPrefixes)
      if (w.size() > prefix.size() + 2 && w.substr(0, prefix.size()) == prefix && known_stem(speller, w.substr(prefix.size())))
        return true;
    for (const auto& [ending, restore] : kSuffixes) {
      if (w.size() <= ending.size() + 2 || w.substr(w.size() - ending.size()) != ending) continue;
      const std::string stem = std::string(w.substr(0, w.size() - ending.size())) + std::string(restore);
      if (known_stem(speller, stem) || built_from_known_parts_once(speller, stem)) return true;
    }
    return built_from_known_parts_once(speller, word);
  }

  // Two known words of three letters or more, closed up: "roundtable", "drawdown". Cut
  // between characters only: half a character is no word, and Hunspell alone could say so.
  bool built_from_known_parts_once(const Speller& speller, std::string_view w) const {
    for (std::size_t cut = 3; cut + 3 <= w.size(); ++cut)
      if (!U8_IS_TRAIL(w[cut]) && known_stem(speller, w.substr(0, cut)) && known_stem(speller, w.substr(cut))) return true;
    return false;
  }

  // "normsthat", "sinceit": two dictionary words, one of them a function word, the second
  // of which often follows the first (log10 P(second | first) above `run_together_floor`),
  // while the word itself is unknown to the model. Two content words closed up are as often a compound
  // ("likeminded", "talkshow").
  std::optional<std::string> common_pair(const LanguageModel& lm, const Speller& speller, std::string_view w) const {
    if (lm.id(w) != LanguageModel::kNone) return std::nullopt;
    double best = run_together_floor_;
    std::optional<std::string> found;
    for (std::size_t cut = 1; cut + 2 <= w.size(); ++cut) {
      const std::string_view a = w.substr(0, cut), b = w.substr(cut);
      if (U8_IS_TRAIL(w[cut]) || (cut == 1 && a != "a") || !speller.known(a) || !speller.known(b)) continue;
      if (!frequency_.function_word(a) && !frequency_.function_word(b)) continue;
      const std::int32_t ia = lm.id(a), ib = lm.id(b);
      if (ia == LanguageModel::kNone || ib == LanguageModel::kNone) continue;
      const double follows = lm.score_run({ia, ib}, false)[1].logp;
      if (follows > best) {
        best = follows;
        found = std::string(a) + " " + std::string(b);
      }
    }
    return found;
  }

  bool report_unknown_;
  std::size_t min_length_;
  std::size_t two_edits_from_;
  double slip_cost_;
  double edit_cost_;
  double two_edit_cost_;
  double first_letter_cost_;
  double rare_floor_;
  double short_word_bonus_;
  double unknown_floor_;
  double margin_;
  double run_together_floor_;
  std::size_t suggestions_;
  std::shared_ptr<const Lexicon> lexicon_;
  WordFrequency frequency_;  // tells function words
};

COPYDESK_REGISTER_CHECK("unknown-word", [](const Rule& rule, const LoadContext& context) {
  return std::make_unique<UnknownWord>(rule, context);
},
                        {"report", OptionType::Text, "typos", "typos: likely slips; unknown: words close to nothing common"},
                        {"min_length", OptionType::Integer, "3", "shorter words are not checked"},
                        {"two_edits_from", OptionType::Integer, "7", "words this long may be two edits from what was meant"},
                        {"slip_cost", OptionType::Number, "1.5", "log10 cost of a slip of the fingers (swapped, doubled, left out, neighbouring key)"},
                        {"edit_cost", OptionType::Number, "2.5", "log10 cost of any other edit"},
                        {"two_edit_cost", OptionType::Number, "4.0", "log10 cost of two edits"},
                        {"first_letter_cost", OptionType::Number, "1.0", "more when the first letter differs (slips keep it)"},
                        {"rare_word_floor", OptionType::Number, "-7.0", "log10 probability of a SCOWL word the model lacks"},
                        {"unknown_word_floor", OptionType::Number, "-8.0", "log10 probability of a word in no list"},
                        {"short_word_bonus", OptionType::Number, "1.0", "added to those floors for each letter under six"},
                        {"margin", OptionType::Number, "0.0", "log10 odds a candidate must win by"},
                        {"run_together_floor", OptionType::Number, "-2.0", "log10 P(second word | first) to call two words run together"},
                        {"suggestions", OptionType::Integer, "3", "at most this many suggestions"},
                        kFrequencyListOption);

COPYDESK_KIND_ALIAS("spelling", "unknown-word");

}  // namespace
}  // namespace copydesk
