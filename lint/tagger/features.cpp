#include "tagger/features.hpp"

#include <algorithm>
#include <bit>
#include <tuple>

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
  // Goes on from where a builder was (its state()), for keys that begin alike.
  static KeyBuilder resume(std::uint64_t state) { return KeyBuilder(state); }
  std::uint64_t state() const { return hash_; }
  KeyBuilder& add(std::string_view value) {
    add_encoded(value);
    add_byte(0xff);
    return *this;
  }
  KeyBuilder& add(Pos tag) { return add(pos_name(tag)); }
  // Bytes as add() calls would have added them (encode_tags).
  KeyBuilder& add_encoded(std::string_view bytes) {
    for (char c : bytes) add_byte(static_cast<std::uint8_t>(c));
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
  explicit KeyBuilder(std::uint64_t state) : hash_(state) {}
  void add_byte(std::uint8_t b) {
    hash_ ^= b;
    hash_ *= 0x100000001b3ULL;
  }
  std::uint64_t hash_ = 0xcbf29ce484222325ULL;
};

// A tag set as a key holds it: by tag name, so that a model does not depend on the order of
// the Pos values; each name ended as add() ends a value, and the set by a byte of its own.
void encode_tags(TagSet tags, std::string& bytes) {
  bytes.clear();
  for (; tags != 0; tags &= tags - 1) bytes.append(pos_name(static_cast<Pos>(std::countr_zero(tags)))).push_back('\xff');
  bytes.push_back('\xfe');
}

// The context features that begin with a word: WordForms::key_starts holds how far their
// hashes get with it, so that a key per word tagged hashes only what follows.
enum class Start : std::uint8_t { PreviousWordWord, WordNextWord, WordNextLexiconTags, LexiconTagsNextLexiconTags };
static_assert(std::tuple_size_v<decltype(WordForms::key_starts)> == 4);
std::uint64_t& start(WordForms& word, Start s) { return word.key_starts[static_cast<std::size_t>(s)]; }
std::uint64_t start(const WordForms& word, Start s) { return word.key_starts[static_cast<std::size_t>(s)]; }

// The context features that begin with the previous tag, and how far their hashes get with
// each tag.
constexpr std::array kTagFirst = {Template::PreviousTagWord, Template::PreviousTag, Template::PreviousTwoTags,
                                  Template::PreviousTagNextWord, Template::PreviousTagLexiconTags,
                                  Template::PreviousTagNextLexiconTags};
template <Template T>
KeyBuilder after_tag(Pos tag) {
  using Starts = std::array<std::array<std::uint64_t, static_cast<std::size_t>(Pos::Count)>, kTagFirst.size()>;
  static const Starts starts = [] {
    Starts made;
    for (std::size_t t = 0; t < kTagFirst.size(); ++t)
      for (std::size_t p = 0; p < static_cast<std::size_t>(Pos::Count); ++p)
        made[t][p] = KeyBuilder(kTagFirst[t]).add(static_cast<Pos>(p)).state();
    return made;
  }();
  constexpr auto kIndex = static_cast<std::size_t>(std::find(kTagFirst.begin(), kTagFirst.end(), T) - kTagFirst.begin());
  static_assert(kIndex < kTagFirst.size());
  return KeyBuilder::resume(starts[kIndex][static_cast<std::size_t>(tag)]);
}

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

constexpr std::array<std::string_view, 4> kCasingNames = {"lower", "upper", "title", "mixed"};

std::string_view suffix(std::string_view s, std::size_t n) { return s.size() > n ? s.substr(s.size() - n) : s; }
std::string_view prefix(std::string_view s, std::size_t n) { return s.substr(0, n); }

// What the forms computed so far give: the lexicon tags as keys hold them, and the hashes of
// the context features that begin with the word.
void finish_forms(WordForms& word) {
  encode_tags(word.lexicon_tags, word.lexicon_tag_bytes);
  start(word, Start::PreviousWordWord) = KeyBuilder(Template::PreviousWordWord).add(word.normal).state();
  start(word, Start::WordNextWord) = KeyBuilder(Template::WordNextWord).add(word.normal).state();
  start(word, Start::WordNextLexiconTags) = KeyBuilder(Template::WordNextLexiconTags).add(word.normal).state();
  start(word, Start::LexiconTagsNextLexiconTags) =
      KeyBuilder(Template::LexiconTagsNextLexiconTags).add_encoded(word.lexicon_tag_bytes).state();
}

// Control characters never occur in tokens, so the edges match no real word.
WordForms edge(std::string_view text) {
  WordForms forms;
  forms.text = forms.normal = forms.shape = text;
  forms.lexicon_tags = forms.uncased_lexicon_tags = tag_bit(Pos::None);
  finish_forms(forms);
  return forms;
}

}  // namespace

FeatureKey word_key(std::string_view word) { return KeyBuilder(Template::Word).add(word).key(); }

FeatureKey Lexicon::key(std::string_view word) { return KeyBuilder(Template::Lexicon).add(word).key(); }
FeatureKey Lexicon::uncased_key(std::string_view word) { return lexicon_key_of_normal(normal_form(word)); }

TagSet Lexicon::tags(FeatureKey word) const {
  const std::uint64_t* tags = table_.find(word);
  return tags ? *tags : 0;
}

Casing sentence_casing(std::uint8_t letters) {
  if (!(letters & WordForms::kHasLower)) return Casing::Upper;
  if (!(letters & WordForms::kHasUpper)) return Casing::Lower;
  return letters & WordForms::kStartsLower ? Casing::Mixed : Casing::Title;
}

void word_forms(std::string_view text, KeyView lexicon, WordForms& forms) {
  forms.text.assign(text);
  forms.letters = 0;
  for (char c : text) {
    if (c >= 'A' && c <= 'Z') forms.letters |= WordForms::kHasUpper;
    else if (c >= 'a' && c <= 'z') forms.letters |= WordForms::kHasLower;
  }
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') forms.letters |= WordForms::kStartsLower;
  normal_form(text, forms.normal);
  shape_of(text, forms.shape);
  // Both keys first and their slots asked for, then the look-ups: they wait for memory
  // together rather than one after the other.
  const FeatureKey cased = Lexicon::key(text);
  const FeatureKey uncased = lexicon_key_of_normal(forms.normal);
  lexicon.prefetch(cased);
  lexicon.prefetch(uncased);
  // Only bits of real tags: a damaged compiled model must not name a tag past Pos::Count.
  constexpr TagSet kValid = (TagSet{1} << static_cast<unsigned>(Pos::Count)) - 1;
  auto tags_of = [&](FeatureKey key) {
    const std::uint64_t* tags = lexicon.find(key);
    return tags ? *tags & kValid : TagSet{0};
  };
  forms.lexicon_tags = tags_of(cased);
  forms.uncased_lexicon_tags = tags_of(uncased);
  finish_forms(forms);
}

const WordForms& before_start() {
  static const WordForms forms = edge("\x01");
  return forms;
}

const WordForms& after_end() {
  static const WordForms forms = edge("\x02");
  return forms;
}

void word_keys(const WordForms& word, WordItems<FeatureKey>& keys) {
  using T = Template;
  using W = WordFeature;
  keys.fill(0);
  auto set = [&](W feature, const KeyBuilder& b) { keys[static_cast<std::size_t>(feature)] = b.key(); };
  set(W::Bias, KeyBuilder(T::Bias));
  if (word.known()) {
    set(W::Word, KeyBuilder(T::Word).add(word.text));
    set(W::Normal, KeyBuilder(T::Normal).add(word.normal));
  }
  for (std::size_t n = 1; n <= 5 && n < word.normal.size(); ++n) {
    set(static_cast<W>(static_cast<std::size_t>(W::Suffix1) + n - 1), KeyBuilder(T::Suffix).add(suffix(word.normal, n)));
  }
  for (std::size_t n = 1; n <= 3 && n < word.normal.size(); ++n) {
    set(static_cast<W>(static_cast<std::size_t>(W::Prefix1) + n - 1), KeyBuilder(T::Prefix).add(prefix(word.normal, n)));
  }
  set(W::Shape, KeyBuilder(T::Shape).add(word.shape));
  // A compound such as "well-known" mostly takes the tag its last part would have.
  if (const std::size_t hyphen = word.normal.rfind('-'); hyphen != std::string::npos && hyphen > 0) {
    set(W::AfterHyphen, KeyBuilder(T::AfterHyphen).add(std::string_view(word.normal).substr(hyphen + 1)));
  }
  for (std::size_t c = 0; c < kCasingNames.size(); ++c) {
    set(static_cast<W>(static_cast<std::size_t>(W::LowerCasingShape) + c), KeyBuilder(T::CasingShape).add(kCasingNames[c]).add(word.shape));
  }
  set(W::SentenceStartShape, KeyBuilder(T::SentenceStartShape).add(word.shape));
  set(W::LexiconTags, KeyBuilder(T::LexiconTags).add_encoded(word.lexicon_tag_bytes));
  std::string uncased_tags;
  encode_tags(word.uncased_lexicon_tags, uncased_tags);
  set(W::UncasedLexiconTags, KeyBuilder(T::UncasedLexiconTags).add_encoded(uncased_tags));

  set(W::AsPreviousWord, KeyBuilder(T::PreviousWord).add(word.normal));
  set(W::AsBeforePreviousWord, KeyBuilder(T::BeforePreviousWord).add(word.normal));
  set(W::AsNextWord, KeyBuilder(T::NextWord).add(word.normal));
  set(W::AsAfterNextWord, KeyBuilder(T::AfterNextWord).add(word.normal));
  set(W::AsPreviousSuffix, KeyBuilder(T::PreviousSuffix).add(suffix(word.normal, 3)));
  set(W::AsNextSuffix, KeyBuilder(T::NextSuffix).add(suffix(word.normal, 3)));
  set(W::AsPreviousShape, KeyBuilder(T::PreviousShape).add(word.shape));
  set(W::AsNextShape, KeyBuilder(T::NextShape).add(word.shape));
  set(W::AsPreviousLexiconTags, KeyBuilder(T::PreviousLexiconTags).add_encoded(word.lexicon_tag_bytes));
  set(W::AsNextLexiconTags, KeyBuilder(T::NextLexiconTags).add_encoded(word.lexicon_tag_bytes));
  set(W::AsNextUncasedLexiconTags, KeyBuilder(T::NextUncasedLexiconTags).add_encoded(uncased_tags));
  set(W::AsAfterNextLexiconTags, KeyBuilder(T::AfterNextLexiconTags).add_encoded(word.lexicon_tag_bytes));
}

void context_keys(const WordForms& prev, const WordForms& word, const WordForms& next, Pos previous,
                  ContextItems<FeatureKey>& keys) {
  using T = Template;
  using C = ContextFeature;
  auto set = [&](C feature, const KeyBuilder& b) { keys[static_cast<std::size_t>(feature)] = b.key(); };
  if (word.known()) {
    set(C::PreviousTagWord, after_tag<T::PreviousTagWord>(previous).add(word.normal));
    set(C::PreviousWordWord, KeyBuilder::resume(start(prev, Start::PreviousWordWord)).add(word.normal));
    set(C::WordNextWord, KeyBuilder::resume(start(word, Start::WordNextWord)).add(next.normal));
    set(C::WordNextLexiconTags, KeyBuilder::resume(start(word, Start::WordNextLexiconTags)).add_encoded(next.lexicon_tag_bytes));
  } else {
    for (C feature : {C::PreviousTagWord, C::PreviousWordWord, C::WordNextWord, C::WordNextLexiconTags})
      keys[static_cast<std::size_t>(feature)] = 0;
  }
  set(C::PreviousTagNextWord, after_tag<T::PreviousTagNextWord>(previous).add(next.normal));
  set(C::PreviousTagLexiconTags, after_tag<T::PreviousTagLexiconTags>(previous).add_encoded(word.lexicon_tag_bytes));
  set(C::LexiconTagsNextLexiconTags,
      KeyBuilder::resume(start(word, Start::LexiconTagsNextLexiconTags)).add_encoded(next.lexicon_tag_bytes));
  set(C::PreviousTagNextLexiconTags, after_tag<T::PreviousTagNextLexiconTags>(previous).add_encoded(next.lexicon_tag_bytes));
}

void tag_keys(Pos previous, Pos before_previous, TagItems<FeatureKey>& keys) {
  keys[static_cast<std::size_t>(TagFeature::PreviousTag)] = after_tag<Template::PreviousTag>(previous).key();
  keys[static_cast<std::size_t>(TagFeature::PreviousTwoTags)] =
      after_tag<Template::PreviousTwoTags>(previous).add(before_previous).key();
}

void SentenceFeatures::assign(const std::vector<std::string_view>& words, KeyView lexicon) {
  count_ = words.size();
  if (words_.size() < count_) words_.resize(count_);
  std::uint8_t letters = 0;
  for (std::size_t i = 0; i < count_; ++i) {
    word_forms(words[i], lexicon, words_[i].forms);
    word_keys(words_[i].forms, words_[i].keys);
    letters |= words_[i].forms.letters;
  }
  casing_ = sentence_casing(letters);
}

const SentenceFeatures::Word& SentenceFeatures::at(std::ptrdiff_t i) const {
  auto edge_word = [](const WordForms& forms) {
    Word word{forms, {}};
    word_keys(word.forms, word.keys);
    return word;
  };
  static const Word kBeforeStart = edge_word(before_start());
  static const Word kAfterEnd = edge_word(after_end());
  if (i < 0) return kBeforeStart;
  if (i >= static_cast<std::ptrdiff_t>(count_)) return kAfterEnd;
  return words_[static_cast<std::size_t>(i)];
}

void SentenceFeatures::collect(std::size_t index, Pos previous, Pos before_previous,
                               std::vector<FeatureKey>& keys) const {
  const auto i = static_cast<std::ptrdiff_t>(index);
  TagItems<FeatureKey> tags;
  tag_keys(previous, before_previous, tags);
  ContextItems<FeatureKey> context;
  context_keys(at(i - 1).forms, at(i).forms, at(i + 1).forms, previous, context);
  const Around<FeatureKey> around{&at(i - 2).keys, &at(i - 1).keys, &at(i).keys, &at(i + 1).keys, &at(i + 2).keys};
  for_each_feature(around, tags, context, at(i).forms.known(), casing_, i == 0, [&](FeatureKey key) {
    if (key != 0) keys.push_back(key);
  });
}

}  // namespace copydesk::tagger
