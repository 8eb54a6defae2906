// Small text utilities shared by the Document and the checks, so that every check
// folds, compares and reads words and marks the same way.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include <unicode/umachine.h>

namespace copydesk {

bool is_ascii(std::string_view text);
// The offset of the first byte at or after `from` that is not ASCII, or text.size(): how
// the checks that look only at other characters skip the ASCII most text is made of.
std::size_t first_non_ascii(std::string_view text, std::size_t from = 0);

// ASCII letters lower-cased and every other byte kept: the cheap path for ASCII words.
std::string ascii_lower(std::string_view text);

// Lower-cases UTF-8 text with ICU's full case folding.
std::string fold_case(std::string_view text);

// The text with typographic apostrophes (U+2019) made straight: "Let’s" → "Let's".
std::string straighten_apostrophes(std::string_view text);

// Digits or a dot make a code or a web address ("G7", "90s", "whitehouse.gov"), not a word.
bool has_digit_or_dot(std::string_view word);

// A word as compared: case folded, apostrophes straightened ("Let’s" → "let's"). A
// Document's tokens carry theirs (Token::key), folded once.
std::string fold_word(std::string_view word);

// "Blinken’s" → "Blinken": the word without a possessive ending, straight or curly.
std::string_view without_possessive(std::string_view word);

// Optimal string alignment distance (edits and adjacent transpositions), or limit + 1
// when it is larger than limit.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit);

// Whether two lower-case ASCII letters are neighbouring keys on a QWERTY keyboard, the
// letters a finger slips to.
bool keyboard_neighbours(char a, char b);
// Whether `typed` is `meant` (one edit apart, lower-case ASCII) with a slip of the
// fingers: two letters swapped, a letter doubled, undoubled or left out, a neighbouring
// key struck instead or as well. Other changes ("defund" / "defend", "Lukashenka" /
// "Lukashenko") are far more often another word than a typo.
bool typing_slip(std::string_view typed, std::string_view meant);

// The code point that starts at offset, or 0 at the end of the text.
UChar32 code_point_at(std::string_view text, std::size_t offset);
// The code point that ends at offset, or 0 at the start of the text.
UChar32 code_point_before(std::string_view text, std::size_t offset);

// " ' “ ” ‘ ’ « »: the marks that open or close a quotation (or are apostrophes).
bool is_quotation_mark(UChar32 c);
// Whether the text is exactly one such mark.
bool is_quotation_mark(std::string_view text);
// ” ’ » " ) ]: a mark that can close a quotation or a bracket, after which a sentence
// may still have ended.
bool is_closing_mark(UChar32 c);
// “ ‘ «: a mark that can only open a quotation.
bool is_opening_quotation_mark(std::string_view text);

// The flagged text with the rest of the words it touches, to quote in a message:
// “change, ”said” for the span “ ””. Bounded: at most 40 bytes are shown on either side
// and of a long span's either end, with "…" where text is left out.
std::string words_around(std::string_view text, std::size_t begin, std::size_t end);

// Whether a terminal would act on the code point rather than show it: the C0 and C1
// controls and the bidirectional controls (U+202E RIGHT-TO-LEFT OVERRIDE turns what
// follows around on screen).
bool is_terminal_control(UChar32 c);
// The text with each such code point written as <U+001B>, and each byte that is not
// UTF-8 as <0xFF>, so that quoting an article or a file name cannot drive a terminal.
std::string escape_controls(std::string_view text);

// Hash tables keyed by std::string that are looked up by std::string_view without
// building a std::string per look-up.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
template <typename V>
using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;
using StringSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;

// xxHash's XXH3 for the tables looked up once or more for every word of a text (about
// 20 instructions for a short word, std::hash about 55). Only for tables that are never
// iterated: their order would change with the hash.
struct WordHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const;
};
template <typename V>
using WordMap = std::unordered_map<std::string, V, WordHash, std::equal_to<>>;

}  // namespace copydesk
