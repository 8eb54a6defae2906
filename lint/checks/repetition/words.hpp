// What the repetition kinds share: the document's words with their keys, counted once
// per document for all of them (DocumentWords), and the word-frequency list
// (checks/shared/word_frequency.hpp).
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "document/document.hpp"
#include "checks/shared/word_frequency.hpp"

namespace copydesk::repetition {

using copydesk::WordFrequency;
using copydesk::kFrequencyListOption;

// A word of the document. Words with the same key share an id, so that the kinds compare
// and count words as numbers rather than as strings.
struct Word {
  std::uint32_t token;   // index into Document::tokens()
  std::uint32_t id;      // of its key
  std::uint32_t base;    // of its key without a possessive ending ("envoy's" → "envoy")
  std::string_view key;  // Token::key
};

// The words of one document, in order, and an id for the key of each word and number.
// Made once per document by the first kind that asks (of()); the ids count up from 0 in
// order of first use.
class DocumentWords {
 public:
  static constexpr std::uint32_t kNoId = UINT32_MAX;

  explicit DocumentWords(const Document& doc);
  // This document's, shared by the kinds through the document's memo.
  static const DocumentWords& of(const Document& doc, const Resources& res);

  std::span<const Word> all() const { return words_; }
  // The words among the tokens [first_token, last_token).
  std::span<const Word> in(std::uint32_t first_token, std::uint32_t last_token) const {
    return std::span<const Word>(words_).subspan(words_before_[first_token],
                                                 words_before_[last_token] - words_before_[first_token]);
  }
  // The id of a word or number token's key; kNoId for other tokens.
  std::uint32_t id_of_token(std::uint32_t token) const { return token_ids_[token]; }
  // How many ids there are.
  std::size_t distinct() const { return hashes_.size(); }
  // std::hash of the key with this id: the value std::hash<std::string> gives the key.
  std::size_t hash(std::uint32_t id) const { return hashes_[id]; }

 private:
  std::vector<Word> words_;
  std::vector<std::uint32_t> words_before_;  // per token, and one past the last
  std::vector<std::uint32_t> token_ids_;
  std::vector<std::size_t> hashes_;          // per id
};

// Do the n words from a and from b read the same?
bool same_keys(std::span<const Word> words, std::size_t a, std::size_t b, std::size_t n);

// A paragraph that is a headline or a list item: its wording is parallel by design.
bool is_heading_or_item(const Document& doc, const Paragraph& p);

}  // namespace copydesk::repetition
