// spelling kind: lower-case words that no dictionary knows (system, shipped, newsroom).
// Capitalized words are left to the names checks: a speller cannot tell a misspelled
// name from a rare real one. Newsroom English coins words faster than dictionaries list
// them, so a word built from known parts (round+table, counter+terrorism,
// impact+ful) is taken as real; a known word glued to a small function word
// ("normsthat") is a missing space.
#include <algorithm>
#include <array>
#include <optional>
#include <fmt/format.h>

#include "engine/check.hpp"
#include "spell/speller.hpp"

namespace copydesk {
namespace {

// Bound prefixes that make new words from known ones ("interagency", "postsecondary").
constexpr std::array<std::string_view, 28> kPrefixes = {
    "anti", "bio", "co", "counter", "cyber", "de", "dis", "eco", "geo", "hyper", "inter", "intra", "macro", "micro",
    "mis", "multi", "nano", "non", "over", "post", "pre", "re", "sub", "super", "tele", "trans", "under", "un"};

// Derivational endings, with what the stem may have lost: (ending, stem ending to restore).
constexpr std::array<std::pair<std::string_view, std::string_view>, 18> kSuffixes = {{
    {"ization", ""}, {"ization", "e"}, {"izing", "e"}, {"izes", "e"}, {"ized", "e"}, {"ize", "e"},
    {"izing", ""}, {"izes", ""}, {"ized", ""}, {"ize", ""}, {"ative", ""}, {"ful", ""},
    {"ity", "e"}, {"ity", ""}, {"ness", ""}, {"ship", ""}, {"s", ""}, {"ings", ""}}};

// Words that never start a compound: "normsthat" is "norms that" with a space missing.
constexpr std::array<std::string_view, 16> kFunctionWords = {
    "the", "and", "that", "this", "with", "from", "for", "are", "was", "were", "have", "has", "not", "but", "which", "their"};

class UnknownWord : public Check {
 public:
  explicit UnknownWord(const Rule& rule)
      : min_length_(option<std::size_t>(rule, "min_length")),
        suggestions_(option<std::size_t>(rule, "suggestions")),
        max_suggested_words_(option<std::size_t>(rule, "max_suggested_words")) {}

  void run(const Document& doc, const Resources& res, Emitter& out) const override {
    if (res.speller == nullptr) return;
    const Speller& speller = *res.speller;
    std::size_t suggested = 0;
    for (const Token& t : doc.tokens()) {
      if (t.kind != TokenKind::Word || t.known || t.letter_case != Case::Lower) continue;
      if (has_digit_or_dot(t.text)) continue;  // "90s", "e.g", "whitehouse.gov": not words to spell
      // "pre-existing", "eco-tourism": a bound prefix before a hyphen is part of a compound.
      const std::string_view after = doc.text().substr(t.end, 1);
      if (after == "-" && std::find(kPrefixes.begin(), kPrefixes.end(), t.text) != kPrefixes.end()) continue;
      const std::string word = straighten_apostrophes(t.text);
      if (word.size() < min_length_ || speller.known(word)) continue;
      if (const std::string_view stem = without_possessive(word); stem.size() != word.size() && speller.known(stem))
        continue;
      if (const auto split = missing_space(speller, word)) {
        out.report(t.begin, t.size(), fmt::format("“{}” looks like two words run together.", t.text), {*split});
        continue;
      }
      if (built_from_known_parts(speller, word)) continue;
      // Each suggestion search tries hundreds of spellings: a file full of unknown words
      // gets suggestions for its first ones only, so no single file can take seconds.
      std::vector<std::string> suggestions;
      if (suggested < max_suggested_words_) {
        ++suggested;
        suggestions = speller.suggest(word, suggestions_);
      }
      out.report(t.begin, t.size(), fmt::format("“{}” is not in the dictionary.", t.text), std::move(suggestions));
    }
  }

 private:
  static bool known_stem(const Speller& speller, std::string_view stem) {
    return stem.size() >= 3 && speller.known(stem);
  }

  static bool built_from_known_parts(const Speller& speller, const std::string& word) {
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

  // Two known words of three letters or more, closed up: "roundtable", "drawdown".
  static bool built_from_known_parts_once(const Speller& speller, std::string_view w) {
    for (std::size_t cut = 3; cut + 3 <= w.size(); ++cut)
      if (known_stem(speller, w.substr(0, cut)) && known_stem(speller, w.substr(cut))) return true;
    return false;
  }

  static std::optional<std::string> missing_space(const Speller& speller, std::string_view w) {
    for (std::string_view fw : kFunctionWords) {
      if (w.size() > fw.size() + 2 && w.substr(w.size() - fw.size()) == fw && known_stem(speller, w.substr(0, w.size() - fw.size())))
        return std::string(w.substr(0, w.size() - fw.size())) + " " + std::string(fw);
      if (w.size() > fw.size() + 2 && w.substr(0, fw.size()) == fw && known_stem(speller, w.substr(fw.size())))
        return std::string(fw) + " " + std::string(w.substr(fw.size()));
    }
    return std::nullopt;
  }

  std::size_t min_length_;
  std::size_t suggestions_;
  std::size_t max_suggested_words_;
};

COPYDESK_REGISTER_CHECK("spelling", [](const Rule& rule, const LoadContext&) {
  return std::make_unique<UnknownWord>(rule);
},
                        {"min_length", OptionType::Integer, "3", "shorter words are not checked"},
                        {"suggestions", OptionType::Integer, "3", "suggestions per word"},
                        {"max_suggested_words", OptionType::Integer, "50", "words per file that get suggestions"});

}  // namespace
}  // namespace copydesk
