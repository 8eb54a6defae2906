// The Document: one article segmented once into paragraphs, sentences and tokens, with
// everything several checks need (case, quotation, dictionary, part of speech).
//
// A Document is used by one thread at a time: its parts of speech are found when first
// asked for, and kept in a cache that its const readers fill (pos()).
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/pos.hpp"
#include "base/text.hpp"
#include "document/quotations.hpp"
#include "source/prose.hpp"
#include "source/source.hpp"

namespace copydesk {

class Speller;
class Tagger;
class Utf16Ranges;

enum class TokenKind : std::uint8_t { Word, Number, Punct, Url, Email, Handle, Symbol };

enum class Case : std::uint8_t {
  Lower,      // "hotline"
  Capital,    // "Blinken"
  Upper,      // "NATO" (two or more letters, all capitals)
  Mixed,      // "McDonald", "iPhone"
  None        // no letters
};

struct Token {
  std::size_t begin = 0;  // byte offset in the source
  std::size_t end = 0;    // exclusive
  TokenKind kind = TokenKind::Word;
  Case letter_case = Case::None;
  bool sentence_initial = false;  // first word of its sentence
  bool in_quote = false;          // inside a double quotation, its marks included
  bool known = false;             // a word the dictionaries know, as written or lower-cased
  bool digit_or_dot = false;      // has_digit_or_dot(text) ("90s", "e.g", "bbc.com"), found once for every check
  std::uint32_t sentence = 0;     // index into Document::sentences()
  std::string_view text;          // view into the document's prose
  std::string key;                // the token as compared: fold_word(text), folded once for every check
  std::size_t size() const { return end - begin; }
};

// The case of a word's letters, as Token::letter_case has it.
Case letter_case(std::string_view word);

struct Sentence {
  std::size_t begin = 0, end = 0;              // byte range, trailing spaces excluded
  std::uint32_t first_token = 0, last_token = 0;  // token range [first, last)
  std::uint32_t paragraph = 0;
  std::size_t token_count() const { return last_token - first_token; }
};

struct Paragraph {
  std::size_t begin = 0, end = 0;
  std::uint32_t first_sentence = 0, last_sentence = 0;
  // A line with no sentence-final punctuation standing alone: a headline or subheading.
  bool heading_like = false;
};

class Document {
 public:
  // Segments the source. The speller marks known words; the tagger, which must outlive
  // the Document, tags a sentence when pos() first asks about it. Either may be null (then
  // `known` stays false and pos() answers Pos::None).
  Document(const Source& source, const Speller* speller, const Tagger* tagger, const ProseOptions& prose = {});
  // The same, from prose already read out of the source. For a section of a long input
  // (source/sections.hpp), `source` holds the section's bytes, `file` the whole file's
  // and `offset` where the section starts in it.
  Document(const Source& source, Prose prose, const Speller* speller, const Tagger* tagger,
           const Source* file = nullptr, std::size_t offset = 0);

  const Source& source() const { return *source_; }
  // The whole file, and where this document starts in it (0 unless it is a later section):
  // for what is said of the file once, not per section.
  const Source& file() const { return *file_; }
  std::size_t offset_in_file() const { return offset_in_file_; }
  // The prose: the source's text with markup blanked, at the same offsets.
  std::string_view text() const { return prose_; }
  std::string_view slice(std::size_t begin, std::size_t end) const {
    return std::string_view(prose_).substr(begin, end - begin);
  }
  const std::vector<Token>& tokens() const { return tokens_; }
  const std::vector<Sentence>& sentences() const { return sentences_; }
  const std::vector<Paragraph>& paragraphs() const { return paragraphs_; }
  std::size_t word_count() const { return word_count_; }
  // Character references in the markup, and the suppression comments.
  const std::vector<TextSpan>& references() const { return references_; }
  const std::vector<Suppression>& suppressions() const { return suppressions_; }
  // The start tag where HTML nested too deep to be parsed (Prose::too_deep), if any.
  const std::optional<TextSpan>& too_deep() const { return too_deep_; }

  std::string_view sentence_text(const Sentence& s) const { return slice(s.begin, s.end); }
  // Every quotation mark and apostrophe token, paired once (quotations.hpp).
  const std::vector<QuoteMark>& quote_marks() const { return quote_marks_; }

  // A token's part of speech, Pos::None without a tagger. Few sentences are ever asked
  // about (only where a check has a candidate), so each is tagged, whole, the first time
  // one of its tokens is.
  Pos pos(std::uint32_t token) const;

 private:
  void split_paragraphs_at(const std::vector<std::size_t>& block_starts);
  void tokenize(const Utf16Ranges& paragraphs16);
  void split_sentences(Utf16Ranges& paragraphs16);
  void mark_quoted_tokens();
  void classify(const Speller* speller);
  void tag_sentence(std::uint32_t sentence) const;

  const Source* source_;
  const Source* file_;
  std::size_t offset_in_file_;
  std::string prose_;
  std::vector<Token> tokens_;
  std::vector<Sentence> sentences_;
  std::vector<Paragraph> paragraphs_;
  std::vector<QuoteMark> quote_marks_;
  std::size_t word_count_ = 0;
  std::vector<TextSpan> references_;
  std::vector<Suppression> suppressions_;
  std::optional<TextSpan> too_deep_;
  const Tagger* tagger_;
  // The tags found so far, by token (empty until the first is asked for), and which
  // sentences have been tagged; the words and tags of the sentence being tagged.
  mutable std::vector<Pos> tags_;
  mutable std::vector<bool> tagged_;
  mutable std::vector<std::string_view> sentence_words_;
  mutable std::vector<Pos> sentence_tags_;
};

}  // namespace copydesk
