// The words of one document with an id for each distinct key (Token::key), made once
// per document and shared by every check that compares or looks up words: the key is
// hashed once here, and a check keeps what it learns of a word by its id instead of
// hashing the key again into a table of its own.
#pragma once
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "document/document.hpp"
#include "engine/check.hpp"

namespace copydesk {

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

}  // namespace copydesk
