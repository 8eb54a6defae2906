// The word-frequency list (dictionaries/word-frequency.tsv, tools/word_frequency.py) that
// tells common words from rare ones and function words from content words: shared by
// the repetition and spelling kinds, so it lives beside them rather than in either.
#pragma once
#include <cstdint>
#include <istream>
#include <memory>
#include <string_view>

#include "engine/check.hpp"

namespace copydesk {

// The option of every kind that reads a WordFrequency.
inline const OptionSpec kFrequencyListOption{"frequency_list", OptionType::Text, "dictionaries/word-frequency.tsv",
                                             "word counts with their parts of speech (tools/word_frequency.py)"};

class WordFrequency {
 public:
  // Reads the list named by the rule's `frequency_list` option, once per engine: the
  // kinds that read the same list share it.
  WordFrequency(const Rule& rule, const LoadContext& context);

  // How often the word occurs in the list's corpus (0 when it is not listed).
  std::uint32_t count(std::string_view key) const;
  // The number of words the corpus holds.
  std::uint64_t total() const { return list_->total; }
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
  struct List {
    StringMap<Entry> entries;
    std::uint64_t total = 0;
  };
  static List read(std::istream& in);
  const Entry* find(std::string_view key) const;
  std::shared_ptr<const List> list_;
};

}  // namespace copydesk
