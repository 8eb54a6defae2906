// What the names kinds share: the capitalized words of a document gathered by
// spelling, comparable keys (transliterated, case folded), the pair rules that tell two
// spellings of one name from two names, and a deletion index that finds near spellings
// without comparing every word with every other.
#pragma once
#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "document/document.hpp"

namespace copydesk {
class DocumentWords;
class Speller;
struct LoadContext;
struct Resources;
}

namespace copydesk::names {

// "Erdoğan" → "erdogan", "Straße" → "strasse", "Støre" → "store": case folded, accents
// dropped (ICU's NFKD, combining marks left out), a Latin letter that does not decompose
// read as the letter its Unicode name gives, apostrophes straight; "Зеленский" →
// "zelenskij", "Þór" → "thor": a word in another script, or with a letter no name helps
// with, romanised by ICU's "Any-Latin; Latin-ASCII". Two spellings with one key differ
// only in case or accents.
std::string latin_key(std::string_view word);
// The key with the alternations of romanisation merged (y/i, x/ks, doubled letters), so
// "Zelenskyy", "Zelenskiy" and "Zelensky", or "Sergei" and "Sergey", share it.
std::string loose_key(std::string_view key);
using copydesk::edit_distance;  // base/text.hpp

// One place a spelling is used.
struct Use {
  std::size_t begin = 0, end = 0;  // byte range of the name word, without a possessive
  std::size_t first_name = npos;    // where the first name before it begins ("Antony Blinken")
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);
};

// A spelling of a name word and the keys it is compared by.
struct Spelling {
  Spelling(std::string text, bool known);
  std::string text;    // as written, possessive removed
  std::string key;     // latin_key(text)
  std::string loose;   // loose_key(key)
  bool known = false;  // in a dictionary, as written or lower-cased
  // A common word capitalized ("National", "Center", "Finish"), not a listed name.
  bool common = false;
};

// A spelling of a capitalized word and where the document uses it.
struct Form : Spelling {
  using Spelling::Spelling;
  std::vector<Use> uses;
  // The keys (latin_key) of the capitalized words right before and right after it, as
  // numbers: within one document's forms, one number for each key.
  std::vector<std::uint32_t> preceders;
  std::vector<std::uint32_t> followers;
  std::size_t full_uses() const;
};

class NameList;

// The capitalized words of the document that may be names, by spelling, in order of
// first use. Acronyms are left out, and so are dictionary words that are capitalized
// only because they open a sentence or stand in a headline.
std::vector<Form> collect_forms(const Document& doc, const Speller& speller, const NameList& list);
// The same, finding each word's earlier uses by the ids `words` gives its key.
std::vector<Form> collect_forms(const Document& doc, const Speller& speller, const NameList& list,
                                const DocumentWords& words);
// The same, collected once per document for all the names checks (res.memo).
const std::vector<Form>& document_forms(const Document& doc, const Resources& res, const NameList& list);

// How two spellings relate.
enum class Relation {
  None,      // two names
  Case,      // "McDonald" / "Mcdonald"
  Accents,   // "Erdoğan" / "Erdogan"
  Romanised, // "Sergei" / "Sergey"
  Typo,      // "Blinken" / "Blingen"
};

// How a message says it: "looks like a misspelling of", "is capitalized differently from".
std::string_view relation_phrase(Relation r);

// Thresholds of the pair rules, from the rule's options (declared with each kind).
struct Limits {
  std::size_t min_length;   // shorter keys are never typos of each other
  std::size_t long_length;  // from this length, two edits are allowed
  // Shorter keys, down to this length, may still be a one-letter slip of a known
  // spelling the same article uses ("Sunal" beside "Sunak"); 0: never.
  std::size_t min_length_beside_known;
};

// The most edits a key of this length may differ by and still be a typo.
std::size_t edits_allowed(std::size_t length, const Limits& limits);

// Whether a and b are one name spelled two ways. Two dictionary words are two names
// unless only case, accents or (in longer names) romanisation set them apart.
Relation relation(const Spelling& a, const Spelling& b, const Limits& limits);

// A variant's hash in a DeletionIndex; the index computes those of a key's deletions from
// its prefixes and suffixes, with the values this gives the deleted strings.
std::uint64_t variant_hash(std::string_view variant);

// Keys reachable by deleting up to edits_allowed(length) characters lead to the ids of
// the keys they came from: two keys within that many edits share an entry ("symmetric
// delete"), so a look-up costs a few binary searches, not a scan. Entries are the
// variants' 64-bit hashes in one sorted array, not a map of strings (a document's names
// make tens of thousands of variants); a rare collision only adds a candidate that
// relation() turns down.
class DeletionIndex {
 public:
  explicit DeletionIndex(Limits limits) : limits_(limits) {}
  // Indexes spellings[i] under id i.
  template <class S>
  DeletionIndex(Limits limits, const std::vector<S>& spellings) : limits_(limits), size_(spellings.size()) {
    std::vector<std::uint64_t> hashes;
    for (std::size_t i = 0; i < spellings.size(); ++i) {
      hashes.clear();
      variants(spellings[i], hashes);
      for (const std::uint64_t v : hashes) entries_.emplace_back(v, static_cast<std::uint32_t>(i));
    }
    index_entries();
  }
  // Ids of spellings that may be related to s (its loose key, or within the allowed
  // edits of its key; for a common word, its key), each once, ascending; verify with
  // relation().
  std::vector<std::uint32_t> near(const Spelling& s) const;
  // For each indexed spelling, what near() finds for it but itself: the ids that share
  // an entry with it. Read off the sorted entries, without making its variants again.
  std::vector<std::vector<std::uint32_t>> neighbours() const;

 private:
  // Appends the hashes (variant_hash) of the key, its deletion variants and its loose
  // key; a hash may come more than once.
  void variants(const Spelling& s, std::vector<std::uint64_t>& out) const;
  // Sorts the entries, each (variant, id) once.
  void index_entries();
  Limits limits_;
  std::size_t size_ = 0;  // spellings indexed
  std::vector<std::pair<std::uint64_t, std::uint32_t>> entries_;  // (variant, id), sorted
};

// The capitalized entries of the .dic word lists in force (dictionaries/names.dic, the
// newsroom's lists), read once when a rule loads. A plain set: a check that looks for
// near spellings indexes the names itself, with its own limits.
class NameList {
 public:
  explicit NameList(const std::vector<std::string>& dic_paths);
  bool contains(std::string_view text) const { return texts_.find(text) != texts_.end(); }
  // Each entry once, in the order read.
  const std::vector<std::string>& names() const { return names_; }

 private:
  std::vector<std::string> names_;
  StringSet texts_;
};

// The NameList of the dictionaries in force, read once for all the names checks.
std::shared_ptr<const NameList> name_list(const LoadContext& context);

// A phrase for the message: "once", "twice", "7 times".
std::string times(std::size_t n);

}  // namespace copydesk::names
