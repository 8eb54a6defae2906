// What the repetition kinds share: the words with their keys (fold_word), and the
// word-frequency list (dictionaries/word-frequency.tsv) that tells common words from rare
// ones and function words from content words.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "document/document.hpp"
#include "engine/check.hpp"

namespace copydesk::repetition {

// The document's words in order, with their keys: many checks walk them.
struct Word {
  std::uint32_t token;  // index into Document::tokens()
  std::string key;
};
std::vector<Word> words_of(const Document& doc, std::uint32_t first_token, std::uint32_t last_token);
// Do the n words from a and from b read the same?
bool same_keys(const std::vector<Word>& words, std::size_t a, std::size_t b, std::size_t n);

// A paragraph that is a headline or a list item: its wording is parallel by design.
bool is_heading_or_item(const Document& doc, const Paragraph& p);

// The option of every kind that reads a WordFrequency.
inline const OptionSpec kFrequencyListOption{"frequency_list", OptionType::Text, "dictionaries/word-frequency.tsv",
                                             "word counts with their parts of speech (tools/word_frequency.py)"};

class WordFrequency {
 public:
  // Reads the list named by the rule's `frequency_list` option.
  WordFrequency(const Rule& rule, const LoadContext& context);

  // How often the word occurs in the list's corpus (0 when it is not listed).
  std::uint32_t count(std::string_view key) const;
  // The number of words the corpus holds.
  std::uint64_t total() const { return total_; }
  // The part of speech the word mostly has in the list's corpus.
  enum class Class : std::uint8_t {
    Unlisted,
    Function,  // articles, prepositions, pronouns, auxiliaries, conjunctions, particles
    Noun,
    Proper,
    Other      // verbs, adjectives, adverbs, interjections
  };
  Class word_class(std::string_view key) const;
  // Function words repeat in any sentence without a reader noticing.
  bool function_word(std::string_view key) const { return word_class(key) == Class::Function; }
  // A listed word that is not mostly a proper noun: "Ready", not "Russia", at a
  // sentence's start.
  bool ordinary_word(std::string_view key) const {
    const Class c = word_class(key);
    return c != Class::Unlisted && c != Class::Proper;
  }

 private:
  struct Entry {
    std::uint32_t count = 0;
    Class word_class = Class::Unlisted;
  };
  const Entry* find(std::string_view key) const;
  StringMap<Entry> entries_;
  std::uint64_t total_ = 0;
};

}  // namespace copydesk::repetition
