// What the repetition kinds share: a comparable key per word, and the word-frequency
// list (dictionaries/word-frequency.tsv) that tells common words from rare ones and
// function words from content words.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "document/document.hpp"
#include "engine/check.hpp"

namespace copydesk::repetition {

// The word as compared: case folded, curly apostrophes straightened.
std::string word_key(std::string_view text);
// The key without a possessive "'s", so that "NATO" and "NATO’s" compare equal.
std::string_view without_possessive(std::string_view key);

// The document's words in order, with their keys: many checks walk them.
struct Word {
  std::uint32_t token;  // index into Document::tokens()
  std::string key;
};
std::vector<Word> words_of(const Document& doc, std::uint32_t first_token, std::uint32_t last_token);

// A paragraph that is a headline or a list item: its wording is parallel by design.
bool is_heading_or_item(const Document& doc, const Paragraph& p);

class WordFrequency {
 public:
  // Reads the list named by the rule's `frequency_list` option (default: the shipped one).
  WordFrequency(const Rule& rule, const LoadContext& context);

  // How often the word occurs in the list's corpus (0 when it is not listed).
  std::uint32_t count(std::string_view key) const;
  // The number of words the corpus holds.
  std::uint64_t total() const { return total_; }
  // Articles, prepositions, pronouns, auxiliaries, conjunctions and particles: words
  // that repeat in any sentence without a reader noticing.
  bool function_word(std::string_view key) const;

 private:
  struct Entry {
    std::uint32_t count = 0;
    bool function = false;
  };
  const Entry* find(std::string_view key) const;
  std::unordered_map<std::string, Entry> entries_;
  std::uint64_t total_ = 0;
};

}  // namespace copydesk::repetition
