// Features of the part-of-speech tagger. tools/train_tagger and the tagger both get their
// features from here, so a model always sees the features it was trained on.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/pos.hpp"
#include "tagger/key_table.hpp"

namespace copydesk::tagger {

// A feature is a 64-bit hash of its template and values: a model stores no strings, and
// with a few million keys a collision is too unlikely to matter.
using FeatureKey = std::uint64_t;

// A set of tags, one bit per Pos value.
using TagSet = std::uint64_t;
static_assert(static_cast<std::size_t>(Pos::Count) <= 64);
constexpr TagSet tag_bit(Pos tag) { return TagSet{1} << static_cast<unsigned>(tag); }

// Key of a word, as written, in the tag dictionary.
FeatureKey word_key(std::string_view word);

// The tags each word of the training data was seen with, so that a word can look ahead at
// what the words after it may be before they are tagged. Words are looked up both as
// written ("Reader" is a name more often than "reader") and ignoring case.
class Lexicon {
 public:
  static FeatureKey key(std::string_view word);
  static FeatureKey uncased_key(std::string_view word);
  void add(FeatureKey word, TagSet tags) { table_.insert(word, tags); }
  TagSet tags(FeatureKey word) const;
  void reserve(std::size_t count) { table_.reserve(count); }
  const KeyTable& table() const { return table_; }
  KeyView view() const { return table_.view(); }

 private:
  KeyTable table_;
};

// One sentence's words in the forms the features look at, computed once per sentence
// rather than once per feature. assign() reuses the buffers of the sentence before, so a
// tagger that keeps one per thread allocates nothing per sentence.
class SentenceFeatures {
 public:
  SentenceFeatures() = default;
  // lexicon: a Lexicon's table (word key -> TagSet), built or mapped from a model file.
  SentenceFeatures(const std::vector<std::string_view>& words, KeyView lexicon) { assign(words, lexicon); }
  void assign(const std::vector<std::string_view>& words, KeyView lexicon);
  // Appends the features of word i, given the tags predicted for the two words before it.
  void collect(std::size_t i, Pos previous, Pos before_previous, std::vector<FeatureKey>& keys) const;

 private:
  struct Word {
    std::string_view text;
    std::string normal;  // lowercased, digits as 0
    std::string shape;   // e.g. "Xxxxx", "dddd", "x.x."
    TagSet lexicon_tags = 0;
    TagSet uncased_lexicon_tags = 0;
  };
  const Word& at(std::ptrdiff_t i) const;

  std::vector<Word> words_;  // may hold more than count_, kept from longer sentences
  std::size_t count_ = 0;
  // How the whole sentence is capitalized ("lower", "upper", "title", "mixed"): in an
  // all-capitals headline or an all-lowercase comment, a capital says little about nouns.
  std::string_view casing_;
};

}  // namespace copydesk::tagger
