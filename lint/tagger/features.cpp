#include "tagger/features.hpp"

#include <bit>

#include "base/text.hpp"

namespace copydesk::tagger {

namespace {

// Every feature template. Its number goes into the key: append to this list, as any other
// change invalidates the shipped model until it is retrained.
enum class Template : std::uint8_t {
  Bias, Word, Normal, Suffix, Prefix, Shape,
  PreviousTag, PreviousTwoTags, PreviousTagWord,
  PreviousWord, BeforePreviousWord, NextWord, AfterNextWord,
  PreviousSuffix, NextSuffix, PreviousShape, NextShape,
  PreviousWordWord, WordNextWord, SentenceStartShape, PreviousTagNextWord,
  Lexicon, LexiconTags, PreviousTagLexiconTags, NextLexiconTags, AfterNextLexiconTags,
  LexiconTagsNextLexiconTags, CasingShape, UncasedLexicon, UncasedLexiconTags, NextUncasedLexiconTags,
  PreviousTagNextLexiconTags, WordNextLexiconTags, PreviousLexiconTags, AfterHyphen,
};

// FNV-1a over the template and its values, with a separator byte between values so that
// ("ab", "c") and ("a", "bc") differ, and a final mix so that nearby inputs spread out.
class KeyBuilder {
 public:
  explicit KeyBuilder(Template t) { add_byte(static_cast<std::uint8_t>(t)); }
  KeyBuilder& add(std::string_view value) {
    for (char c : value) add_byte(static_cast<std::uint8_t>(c));
    add_byte(0xff);
    return *this;
  }
  KeyBuilder& add(Pos tag) { return add(pos_name(tag)); }
  // By tag name, so that a model does not depend on the order of the Pos values.
  KeyBuilder& add(TagSet tags) {
    for (; tags != 0; tags &= tags - 1) add(static_cast<Pos>(std::countr_zero(tags)));
    add_byte(0xfe);
    return *this;
  }
  FeatureKey key() const {
    std::uint64_t h = hash_;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    // Zero marks an empty slot in the model's hash tables.
    return h == 0 ? 1 : h;
  }

 private:
  void add_byte(std::uint8_t b) {
    hash_ ^= b;
    hash_ *= 0x100000001b3ULL;
  }
  std::uint64_t hash_ = 0xcbf29ce484222325ULL;
};

// The forms are written into strings kept from the sentence before: assign() keeps their
// capacity.
void normal_form(std::string_view word, std::string& normal) {
  normal.assign(word);
  for (char& c : normal) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    else if (c >= '0' && c <= '9') c = '0';
  }
}

std::string normal_form(std::string_view word) {
  std::string normal;
  normal_form(word, normal);
  return normal;
}

// Letters become X or x, digits d, other ASCII stays, and any non-ASCII byte is u; runs
// longer than four are cut to four, which keeps "dddd" (a year) apart from "dd" and from
// long numbers while a long word and a short one share a shape.
void shape_of(std::string_view word, std::string& shape) {
  shape.clear();
  char last = 0;
  int run = 0;
  for (char c : word) {
    char kind = c;
    if (c >= 'A' && c <= 'Z') kind = 'X';
    else if (c >= 'a' && c <= 'z') kind = 'x';
    else if (c >= '0' && c <= '9') kind = 'd';
    else if (static_cast<unsigned char>(c) >= 0x80) kind = 'u';
    run = kind == last ? run + 1 : 1;
    last = kind;
    if (run <= 4) shape += kind;
  }
}

FeatureKey lexicon_key_of_normal(std::string_view normal) { return KeyBuilder(Template::UncasedLexicon).add(normal).key(); }

std::string_view sentence_casing(const std::vector<std::string_view>& words) {
  bool has_upper = false;
  bool has_lower = false;
  bool all_capitalized = true;
  for (std::string_view w : words) {
    for (char c : w) {
      has_upper |= c >= 'A' && c <= 'Z';
      has_lower |= c >= 'a' && c <= 'z';
    }
    if (!w.empty() && w[0] >= 'a' && w[0] <= 'z') all_capitalized = false;
  }
  if (!has_lower) return "upper";
  if (!has_upper) return "lower";
  return all_capitalized ? "title" : "mixed";
}

std::string_view suffix(std::string_view s, std::size_t n) { return s.size() > n ? s.substr(s.size() - n) : s; }
std::string_view prefix(std::string_view s, std::size_t n) { return s.substr(0, n); }

}  // namespace

FeatureKey word_key(std::string_view word) { return KeyBuilder(Template::Word).add(word).key(); }

FeatureKey Lexicon::key(std::string_view word) { return KeyBuilder(Template::Lexicon).add(word).key(); }
FeatureKey Lexicon::uncased_key(std::string_view word) { return lexicon_key_of_normal(normal_form(word)); }

TagSet Lexicon::tags(FeatureKey word) const {
  const std::uint64_t* tags = table_.find(word);
  return tags ? *tags : 0;
}

void SentenceFeatures::assign(const std::vector<std::string_view>& words, KeyView lexicon) {
  casing_ = sentence_casing(words);
  count_ = words.size();
  if (words_.size() < count_) words_.resize(count_);
  for (std::size_t i = 0; i < count_; ++i) {
    Word& word = words_[i];
    word.text = words[i];
    normal_form(word.text, word.normal);
    shape_of(word.text, word.shape);
    // Every key first and its slot asked for, then the look-ups: they wait for memory
    // together rather than one by one.
    word.lexicon_tags = Lexicon::key(word.text);
    word.uncased_lexicon_tags = lexicon_key_of_normal(word.normal);
    lexicon.prefetch(word.lexicon_tags);
    lexicon.prefetch(word.uncased_lexicon_tags);
  }
  // Only bits of real tags: a damaged compiled model must not name a tag past Pos::Count.
  constexpr TagSet kValid = (TagSet{1} << static_cast<unsigned>(Pos::Count)) - 1;
  auto tags_of = [&](FeatureKey key) {
    const std::uint64_t* tags = lexicon.find(key);
    return tags ? *tags & kValid : TagSet{0};
  };
  for (std::size_t i = 0; i < count_; ++i) {
    Word& word = words_[i];
    word.lexicon_tags = tags_of(word.lexicon_tags);  // the key until now
    word.uncased_lexicon_tags = tags_of(word.uncased_lexicon_tags);
  }
}

const SentenceFeatures::Word& SentenceFeatures::at(std::ptrdiff_t i) const {
  // Control characters never occur in tokens, so the edges match no real word.
  static const Word kBeforeStart{"\x01", "\x01", "\x01", tag_bit(Pos::None), tag_bit(Pos::None)};
  static const Word kAfterEnd{"\x02", "\x02", "\x02", tag_bit(Pos::None), tag_bit(Pos::None)};
  if (i < 0) return kBeforeStart;
  if (i >= static_cast<std::ptrdiff_t>(count_)) return kAfterEnd;
  return words_[static_cast<std::size_t>(i)];
}

void SentenceFeatures::collect(std::size_t index, Pos previous, Pos before_previous,
                               std::vector<FeatureKey>& keys) const {
  const auto i = static_cast<std::ptrdiff_t>(index);
  const Word& word = at(i);
  const Word& prev = at(i - 1);
  const Word& next = at(i + 1);
  using T = Template;
  auto add = [&](const KeyBuilder& b) { keys.push_back(b.key()); };

  add(KeyBuilder(T::Bias));
  // Features of the word itself only for words the lexicon knows. Training sees each
  // sentence with a lexicon built without it, so its rarest words look unseen and the
  // model learns to tag them from spelling and context, as it must on new text.
  if (word.uncased_lexicon_tags != 0) {
    add(KeyBuilder(T::Word).add(word.text));
    add(KeyBuilder(T::Normal).add(word.normal));
    add(KeyBuilder(T::PreviousTagWord).add(previous).add(word.normal));
    add(KeyBuilder(T::PreviousWordWord).add(prev.normal).add(word.normal));
    add(KeyBuilder(T::WordNextWord).add(word.normal).add(next.normal));
    add(KeyBuilder(T::WordNextLexiconTags).add(word.normal).add(next.lexicon_tags));
  }
  for (std::size_t n = 1; n <= 5 && n < word.normal.size(); ++n) {
    add(KeyBuilder(T::Suffix).add(suffix(word.normal, n)));
  }
  for (std::size_t n = 1; n <= 3 && n < word.normal.size(); ++n) {
    add(KeyBuilder(T::Prefix).add(prefix(word.normal, n)));
  }
  add(KeyBuilder(T::Shape).add(word.shape));
  // A compound such as "well-known" mostly takes the tag its last part would have.
  if (const std::size_t hyphen = word.normal.rfind('-'); hyphen != std::string::npos && hyphen > 0) {
    add(KeyBuilder(T::AfterHyphen).add(std::string_view(word.normal).substr(hyphen + 1)));
  }
  add(KeyBuilder(T::CasingShape).add(casing_).add(word.shape));
  if (i == 0) add(KeyBuilder(T::SentenceStartShape).add(word.shape));

  add(KeyBuilder(T::PreviousTag).add(previous));
  add(KeyBuilder(T::PreviousTwoTags).add(previous).add(before_previous));
  add(KeyBuilder(T::PreviousTagNextWord).add(previous).add(next.normal));

  add(KeyBuilder(T::PreviousWord).add(prev.normal));
  add(KeyBuilder(T::BeforePreviousWord).add(at(i - 2).normal));
  add(KeyBuilder(T::NextWord).add(next.normal));
  add(KeyBuilder(T::AfterNextWord).add(at(i + 2).normal));
  add(KeyBuilder(T::PreviousSuffix).add(suffix(prev.normal, 3)));
  add(KeyBuilder(T::NextSuffix).add(suffix(next.normal, 3)));
  add(KeyBuilder(T::PreviousShape).add(prev.shape));
  add(KeyBuilder(T::NextShape).add(next.shape));

  add(KeyBuilder(T::LexiconTags).add(word.lexicon_tags));
  add(KeyBuilder(T::UncasedLexiconTags).add(word.uncased_lexicon_tags));
  add(KeyBuilder(T::PreviousTagLexiconTags).add(previous).add(word.lexicon_tags));
  add(KeyBuilder(T::PreviousLexiconTags).add(prev.lexicon_tags));
  add(KeyBuilder(T::NextLexiconTags).add(next.lexicon_tags));
  add(KeyBuilder(T::NextUncasedLexiconTags).add(next.uncased_lexicon_tags));
  add(KeyBuilder(T::AfterNextLexiconTags).add(at(i + 2).lexicon_tags));
  add(KeyBuilder(T::LexiconTagsNextLexiconTags).add(word.lexicon_tags).add(next.lexicon_tags));
  add(KeyBuilder(T::PreviousTagNextLexiconTags).add(previous).add(next.lexicon_tags));
}

}  // namespace copydesk::tagger
