// Features of the part-of-speech tagger. tools/train_tagger and the tagger both get their
// features from here, so a model always sees the features it was trained on.
//
// Most features depend on one word alone (its spelling, suffixes, shape, lexicon tags, and
// what it tells the words beside it); the others on the tags already chosen or on two words
// together. The two kinds are computed apart, so that a tagger can keep the first kind per
// word instead of per token, and for_each_feature() lists both in the one order the
// weights are summed in.
#pragma once
#include <array>
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

// A word in the forms the features look at.
struct WordForms {
  std::string text;
  std::string normal;  // lowercased, digits as 0
  std::string shape;   // e.g. "Xxxxx", "dddd", "x.x."
  TagSet lexicon_tags = 0;
  TagSet uncased_lexicon_tags = 0;
  std::string lexicon_tag_bytes;  // lexicon_tags as a key holds them
  // Hashes of the context features that begin with this word, as far as it takes them.
  std::array<std::uint64_t, 4> key_starts{};
  // What sentence_casing needs to know of the word.
  static constexpr std::uint8_t kHasUpper = 1, kHasLower = 2, kStartsLower = 4;
  std::uint8_t letters = 0;
  // Whether the lexicon knows the word in any casing: only then has it features of its own
  // spelling and of context with it.
  bool known() const { return uncased_lexicon_tags != 0; }
};

// How a whole sentence is capitalized: in an all-capitals headline or an all-lowercase
// comment, a capital says little about nouns. letters: its words' WordForms::letters, or'ed.
enum class Casing : std::uint8_t { Lower, Upper, Title, Mixed };
Casing sentence_casing(std::uint8_t letters);
// Fills forms for text, looking it up in lexicon (a Lexicon's table, word key -> TagSet,
// built or mapped from a model file). Reuses the strings' buffers.
void word_forms(std::string_view text, KeyView lexicon, WordForms& forms);
// The places before a sentence's first word and after its last, which match no real word.
const WordForms& before_start();
const WordForms& after_end();

// The features of one word alone: its own, then those it is to the words around it (the
// previous word of the next one, and so on). A key is 0 where a word has no such feature.
enum class WordFeature : std::uint8_t {
  Bias, Word, Normal, Suffix1, Suffix2, Suffix3, Suffix4, Suffix5, Prefix1, Prefix2, Prefix3,
  Shape, AfterHyphen, LowerCasingShape, UpperCasingShape, TitleCasingShape, MixedCasingShape,
  SentenceStartShape, LexiconTags, UncasedLexiconTags,
  AsPreviousWord, AsBeforePreviousWord, AsNextWord, AsAfterNextWord, AsPreviousSuffix, AsNextSuffix,
  AsPreviousShape, AsNextShape, AsPreviousLexiconTags, AsNextLexiconTags, AsNextUncasedLexiconTags,
  AsAfterNextLexiconTags, Count
};
template <typename Item>
using WordItems = std::array<Item, static_cast<std::size_t>(WordFeature::Count)>;
void word_keys(const WordForms& word, WordItems<FeatureKey>& keys);

// The features of the two tags chosen before a word alone.
enum class TagFeature : std::uint8_t { PreviousTag, PreviousTwoTags, Count };
template <typename Item>
using TagItems = std::array<Item, static_cast<std::size_t>(TagFeature::Count)>;
void tag_keys(Pos previous, Pos before_previous, TagItems<FeatureKey>& keys);

// The features of a tag chosen before a word and a word, or of two words together.
enum class ContextFeature : std::uint8_t {
  PreviousTagWord, PreviousWordWord, WordNextWord, WordNextLexiconTags,
  PreviousTagNextWord, PreviousTagLexiconTags, LexiconTagsNextLexiconTags, PreviousTagNextLexiconTags, Count
};
template <typename Item>
using ContextItems = std::array<Item, static_cast<std::size_t>(ContextFeature::Count)>;
void context_keys(const WordForms& previous_word, const WordForms& word, const WordForms& next_word, Pos previous,
                  ContextItems<FeatureKey>& keys);

// The word being tagged and the two on each side, as what their features are to the
// caller: their keys, or the model's weights for them.
template <typename Item>
struct Around {
  const WordItems<Item>* before_previous;
  const WordItems<Item>* previous;
  const WordItems<Item>* word;
  const WordItems<Item>* next;
  const WordItems<Item>* after_next;
};

// for_each_feature gives each WordFeature, TagFeature and ContextFeature at most once.
constexpr std::size_t kMaxFeatures = static_cast<std::size_t>(WordFeature::Count) +
                                     static_cast<std::size_t>(TagFeature::Count) +
                                     static_cast<std::size_t>(ContextFeature::Count);

// The features summed first, which depend on the word alone (and the casing of its sentence):
// a sum of them can be kept per word and the rest added to it, in the same order. For a word
// the lexicon knows (known: WordForms::uncased_lexicon_tags != 0), its bias, word and normal
// form, as features of context come next; for a word it does not, whose features of context
// with its own spelling are all 0, everything up to its casing shape.
template <typename Item, typename Add>
void for_each_leading_feature(const WordItems<Item>& word, bool known, Casing casing, Add&& add) {
  using W = WordFeature;
  auto own = [&](W feature) { add(word[static_cast<std::size_t>(feature)]); };
  own(W::Bias);
  if (known) {
    // Features of the word itself only for words the lexicon knows (the others' items are 0).
    // Training sees each sentence with a lexicon built without it, so its rarest words look
    // unseen and the model learns to tag them from spelling and context, as it must on new text.
    own(W::Word);
    own(W::Normal);
    return;
  }
  for (W f : {W::Suffix1, W::Suffix2, W::Suffix3, W::Suffix4, W::Suffix5, W::Prefix1, W::Prefix2, W::Prefix3, W::Shape,
              W::AfterHyphen}) {
    own(f);
  }
  own(static_cast<W>(static_cast<std::uint8_t>(W::LowerCasingShape) + static_cast<std::uint8_t>(casing)));
}

// Calls add(item) for every feature of the word after the leading ones, in the order the
// model was trained with (a float sum depends on the order); an item that stands for no
// feature is passed too.
template <typename Item, typename Add>
void for_each_following_feature(const Around<Item>& around, const TagItems<Item>& tags,
                                const ContextItems<Item>& context, bool known, Casing casing, bool first, Add&& add) {
  using W = WordFeature;
  using T = TagFeature;
  using C = ContextFeature;
  auto own = [&](const WordItems<Item>* word, W feature) { add((*word)[static_cast<std::size_t>(feature)]); };
  auto from_context = [&](C feature) { add(context[static_cast<std::size_t>(feature)]); };
  if (known) {
    from_context(C::PreviousTagWord);
    from_context(C::PreviousWordWord);
    from_context(C::WordNextWord);
    from_context(C::WordNextLexiconTags);
    for (W f : {W::Suffix1, W::Suffix2, W::Suffix3, W::Suffix4, W::Suffix5, W::Prefix1, W::Prefix2, W::Prefix3,
                W::Shape, W::AfterHyphen}) {
      own(around.word, f);
    }
    own(around.word, static_cast<W>(static_cast<std::uint8_t>(W::LowerCasingShape) + static_cast<std::uint8_t>(casing)));
  }
  if (first) own(around.word, W::SentenceStartShape);

  add(tags[static_cast<std::size_t>(T::PreviousTag)]);
  add(tags[static_cast<std::size_t>(T::PreviousTwoTags)]);
  from_context(C::PreviousTagNextWord);

  own(around.previous, W::AsPreviousWord);
  own(around.before_previous, W::AsBeforePreviousWord);
  own(around.next, W::AsNextWord);
  own(around.after_next, W::AsAfterNextWord);
  own(around.previous, W::AsPreviousSuffix);
  own(around.next, W::AsNextSuffix);
  own(around.previous, W::AsPreviousShape);
  own(around.next, W::AsNextShape);

  own(around.word, W::LexiconTags);
  own(around.word, W::UncasedLexiconTags);
  from_context(C::PreviousTagLexiconTags);
  own(around.previous, W::AsPreviousLexiconTags);
  own(around.next, W::AsNextLexiconTags);
  own(around.next, W::AsNextUncasedLexiconTags);
  own(around.after_next, W::AsAfterNextLexiconTags);
  from_context(C::LexiconTagsNextLexiconTags);
  from_context(C::PreviousTagNextLexiconTags);
}

// Every feature of the word, leading and following, in the order the model was trained with.
template <typename Item, typename Add>
void for_each_feature(const Around<Item>& around, const TagItems<Item>& tags, const ContextItems<Item>& context,
                      bool known, Casing casing, bool first, Add&& add) {
  for_each_leading_feature(*around.word, known, casing, add);
  for_each_following_feature(around, tags, context, known, casing, first, add);
}

// One sentence's words in the forms and with the keys the features look at, computed once
// per sentence rather than once per feature: what training sees, and the plain form of what
// the tagger does with a WordCache. assign() reuses the buffers of the sentence before.
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
    WordForms forms;
    WordItems<FeatureKey> keys{};
  };
  const Word& at(std::ptrdiff_t i) const;

  std::vector<Word> words_;  // may hold more than count_, kept from longer sentences
  std::size_t count_ = 0;
  Casing casing_ = Casing::Mixed;
};

}  // namespace copydesk::tagger
