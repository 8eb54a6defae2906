#include "checks/names/names.hpp"

#include <algorithm>
#include <array>
#include <memory>
#include <optional>
#include <unordered_map>

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include "base/mix64.hpp"
#include "checks/shared/document_words.hpp"
#include "engine/check.hpp"
#include "spell/speller.hpp"
#include "spell/word_list.hpp"

namespace copydesk::names {
namespace {

// A transliterator per thread: ICU's are not safe to share while they run.
icu::Transliterator* to_ascii() {
  thread_local std::unique_ptr<icu::Transliterator> it = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(
        icu::Transliterator::createInstance("Any-Latin; Latin-ASCII", UTRANS_FORWARD, status));
    return U_SUCCESS(status) ? std::move(t) : nullptr;
  }();
  return it.get();
}

// The base letters of a Latin letter with no decomposition, from its Unicode name: the
// last word before " WITH" when it is one or two letters ("LATIN SMALL LETTER O WITH
// STROKE" ø → "O", "DOTLESS I" ı → "I", "LATIN SMALL LETTER AE" æ → "AE"); empty when
// the name gives none ("THORN").
std::string latin_base_letters(UChar32 c) {
  char name[128];
  UErrorCode status = U_ZERO_ERROR;
  const int32_t length = u_charName(c, U_UNICODE_CHAR_NAME, name, sizeof name, &status);
  if (U_FAILURE(status) || length <= 0 || length >= static_cast<int32_t>(sizeof name)) return {};
  std::string_view n(name, static_cast<std::size_t>(length));
  if (const std::size_t with = n.find(" WITH "); with != std::string_view::npos) n = n.substr(0, with);
  const std::size_t space = n.rfind(' ');
  const std::string_view last = space == std::string_view::npos ? n : n.substr(space + 1);
  if (last.empty() || last.size() > 2 || !std::all_of(last.begin(), last.end(), [](char l) { return l >= 'A' && l <= 'Z'; }))
    return {};
  return std::string(last);
}

bool is_name_case(const Token& t) {
  // Digits or a dot make a code or a web address ("G7", "Welcome.us"), not a name.
  return t.kind == TokenKind::Word && (t.letter_case == Case::Capital || t.letter_case == Case::Mixed) && !t.digit_or_dot;
}

bool only_spaces_between(const Document& doc, const Token& a, const Token& b) {
  const std::string_view gap = doc.slice(a.end, b.begin);
  return !gap.empty() && gap.find_first_not_of(" \t") == std::string_view::npos;
}

// The capitalized word right before token k, skipping a middle initial ("Alexander V.
// Grushko"), or npos.
std::size_t name_word_before(const Document& doc, std::size_t k) {
  const auto& tokens = doc.tokens();
  std::size_t j = k;
  if (j >= 3 && tokens[j - 1].text == "." && tokens[j - 2].size() == 1 && tokens[j - 2].letter_case == Case::Capital &&
      tokens[j - 2].end == tokens[j - 1].begin && only_spaces_between(doc, tokens[j - 1], tokens[j]))
    j -= 2;
  if (j == 0) return Use::npos;
  const Token& prev = tokens[j - 1];
  if (prev.sentence != tokens[k].sentence || !is_name_case(prev) || !only_spaces_between(doc, prev, tokens[j]) ||
      without_possessive(prev.text).size() != prev.text.size())
    return Use::npos;
  return j - 1;
}

}  // namespace

std::string latin_key(std::string_view word) {
  if (is_ascii(word)) return ascii_lower(word);
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
  // Accents go with ICU's compatibility decomposition, the combining marks left out, and
  // a Latin letter that does not decompose becomes the letter its Unicode name gives:
  // enough for Latin names, and cheap. Only a word in another script needs ICU's
  // transliterator, whose registry costs more to open than the rest of a run's start-up.
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
  // Folded first, so that "ß" is "ss" before its name is read.
  const icu::UnicodeString folded = icu::UnicodeString(u).foldCase();
  const icu::UnicodeString decomposed = U_SUCCESS(status) ? nfkd->normalize(folded, status) : folded;
  icu::UnicodeString kept;
  for (int32_t i = 0; i < decomposed.length(); i = decomposed.moveIndex32(i, 1)) {
    const UChar32 c = decomposed.char32At(i);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    UErrorCode script_status = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(c, &script_status);
    if (c < 0x80 || script == USCRIPT_COMMON || script == USCRIPT_INHERITED) {
      kept.append(c);
      continue;
    }
    if (const std::string base = script == USCRIPT_LATIN ? latin_base_letters(c) : std::string(); !base.empty()) {
      kept.append(icu::UnicodeString::fromUTF8(base));
    } else {  // another script, or a Latin letter its name gives no base for (þ, ð, ŋ)
      kept = u;
      if (icu::Transliterator* t = to_ascii()) t->transliterate(kept);
      break;
    }
  }
  std::string out;
  kept.foldCase().toUTF8String(out);
  return straighten_apostrophes(out);
}

std::string loose_key(std::string_view key) {
  std::string out;
  out.reserve(key.size() + 2);
  for (char c : key) {
    if (c == 'y') c = 'i';
    if (c == 'x') {
      out += "ks";
      continue;
    }
    if (out.empty() || out.back() != c) out += c;
  }
  return out;
}

Spelling::Spelling(std::string text_, bool known_)
    : text(std::move(text_)), key(latin_key(text)), loose(loose_key(key)), known(known_) {}

std::size_t Form::full_uses() const {
  return static_cast<std::size_t>(std::count_if(uses.begin(), uses.end(), [](const Use& u) { return u.first_name != Use::npos; }));
}

std::vector<Form> collect_forms(const Document& doc, const Speller& speller, const NameList& list) {
  return collect_forms(doc, speller, list, DocumentWords(doc));
}

std::vector<Form> collect_forms(const Document& doc, const Speller& speller, const NameList& list,
                                const DocumentWords& words) {
  std::vector<Form> forms;
  // What is asked of a word, asked once per spelling: a long article uses a name, and
  // the words beside it, hundreds of times.
  struct Seen {
    std::optional<bool> lower_known;  // the dictionaries know it lower-cased
    std::optional<std::uint32_t> key;  // of its latin_key, in key_ids
    std::size_t form = Use::npos;      // its index in forms
  };
  std::unordered_map<std::string, std::uint32_t> key_ids;  // one id for each latin_key met
  std::unordered_map<std::string_view, Seen> seen;  // by the word as written, possessive removed
  // A token's Seen is found by the id of its folded key among the few tokens as written
  // that share the key ("Biden", "Biden's", "BIDEN"), so the table above is hashed once
  // per distinct token, not once per use.
  struct Written {
    std::string_view text;  // the token as written
    Seen* seen;
    std::uint32_t next;     // the next one with its key, or kEnd
  };
  constexpr std::uint32_t kEnd = UINT32_MAX;
  std::vector<std::uint32_t> first_written(words.distinct(), kEnd);
  std::vector<Written> written;
  const auto& tokens = doc.tokens();
  const auto seen_of = [&](std::size_t k) -> Seen& {
    const std::string_view text = tokens[k].text;
    std::uint32_t& first = first_written[words.id_of_token(static_cast<std::uint32_t>(k))];
    for (std::uint32_t w = first; w != kEnd; w = written[w].next)
      if (written[w].text == text) return *written[w].seen;
    Seen& s = seen[without_possessive(text)];  // unordered_map's entries stay where they are
    written.push_back({text, &s, first});
    first = static_cast<std::uint32_t>(written.size() - 1);
    return s;
  };
  const auto lower_known = [&](Seen& s, std::string_view word) {
    if (!s.lower_known) s.lower_known = speller.known(fold_case(word));
    return *s.lower_known;
  };
  const auto key = [&](std::size_t k) {
    Seen& s = seen_of(k);
    if (!s.key)
      s.key = key_ids.try_emplace(latin_key(without_possessive(tokens[k].text)), static_cast<std::uint32_t>(key_ids.size()))
                  .first->second;
    return *s.key;
  };
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    const Token& t = tokens[k];
    if (!is_name_case(t)) continue;
    const std::string_view stem = without_possessive(t.text);
    if (stem.size() < 2) continue;
    Seen& word = seen_of(k);
    const bool stem_lower_known = lower_known(word, stem);
    const Paragraph& para = doc.paragraphs()[doc.sentences()[t.sentence].paragraph];
    // "Although" opening a sentence or "Says" in a headline is no name.
    if (stem_lower_known && (t.sentence_initial || para.heading_like)) continue;
    if (word.form == Use::npos) {
      word.form = forms.size();
      forms.emplace_back(std::string(stem), stem_lower_known || speller.known(stem));
      forms.back().common = stem_lower_known && !list.contains(stem);
    }
    Form& f = forms[word.form];
    // A first name is a capitalized word that is no lower-case word: "President Biden"
    // and "State Blinken" are titles. In a headline, where every word is capitalized,
    // only such words tell anything about the name's neighbours.
    const std::size_t before = name_word_before(doc, k);
    const bool before_common = before != Use::npos && lower_known(seen_of(before), tokens[before].text);
    f.uses.push_back({t.begin, t.begin + stem.size(), before_common || before == Use::npos ? Use::npos : tokens[before].begin});
    if (before != Use::npos && !(para.heading_like && before_common)) f.preceders.push_back(key(before));
    if (stem.size() == t.size() && k + 1 < tokens.size() && tokens[k + 1].sentence == t.sentence &&
        is_name_case(tokens[k + 1]) && only_spaces_between(doc, t, tokens[k + 1])) {
      const std::string_view next = without_possessive(tokens[k + 1].text);
      if (!(para.heading_like && lower_known(seen_of(k + 1), next))) f.followers.push_back(key(k + 1));
    }
  }
  return forms;
}

const std::vector<Form>& document_forms(const Document& doc, const Resources& res, const NameList& list) {
  // Keyed by the list, which all the names checks share.
  return res.memo.get<std::vector<Form>>(&list, [&] { return collect_forms(doc, *res.speller, list, DocumentWords::of(doc, res)); });
}

std::size_t edits_allowed(std::size_t length, const Limits& limits) {
  if (length < limits.min_length) return 0;
  return length >= limits.long_length ? 2 : 1;
}

Relation relation(const Spelling& a, const Spelling& b, const Limits& limits) {
  if (a.text == b.text) return Relation::None;
  if (a.key == b.key) return fold_case(a.text) == fold_case(b.text) ? Relation::Case : Relation::Accents;
  // "National" / "Nacional", "Finish" / "Finnish": a common word is no name's twin.
  if (a.common || b.common) return Relation::None;
  const std::size_t shorter = std::min(a.key.size(), b.key.size());
  // "Smith" / "Smyth", "Bryan" / "Brian" are two names; "Sergei" / "Sergey" one.
  if (a.loose == b.loose && shorter >= ((a.known && b.known) ? 6 : 4)) return Relation::Romanised;
  // "Kennedy" / "Kennedys", "Israel" / "Israeli": a plural or a demonym, not a typo;
  // "Macron" / "Macrone" is.
  if (a.key.starts_with(b.key) || b.key.starts_with(a.key)) {
    const std::string_view rest = std::string_view(a.key.size() > b.key.size() ? a.key : b.key).substr(shorter);
    static constexpr std::string_view kEndings[] = {"s", "es", "i", "is", "n", "an", "ans", "ian", "ians", "ese", "ish", "er", "ers"};
    if (std::find(std::begin(kEndings), std::end(kEndings), rest) != std::end(kEndings)) return Relation::None;
  }
  if (a.known && b.known) return Relation::None;
  // "Mauer" beside "Maurer": a letter dropped from or added to a name of four letters or
  // more that is no word either way, so neither spelling can be a word of its own.
  const bool one_letter_more = a.key.size() != b.key.size() && limits.min_length_beside_known > 0 &&
                               shorter >= limits.min_length_beside_known && !a.known && !b.known &&
                               a.key[0] == b.key[0] && edit_distance(a.key, b.key, 1) == 1;
  if (one_letter_more) return Relation::Typo;
  // A short name is a typo of another only beside a known name ("Sunak" / "Sunal"):
  // two unknown short names are as often two people.
  const bool beside_known = a.known != b.known && limits.min_length_beside_known > 0 &&
                            shorter >= limits.min_length_beside_known;
  const std::size_t allowed = beside_known ? std::max<std::size_t>(1, edits_allowed(shorter, limits))
                                           : edits_allowed(shorter, limits);
  // Typos keep the first letter far more often than not; names that differ there are
  // usually two names ("Harris" / "Parris").
  if (allowed == 0 || a.key[0] != b.key[0]) return Relation::None;
  // "Hamad" / "Hamas", "Claris" / "Clarin": an s that ends one of them where the other
  // ends otherwise makes another word, not a slip.
  if (a.key.size() == b.key.size() && a.key.compare(0, a.key.size() - 1, b.key, 0, b.key.size() - 1) == 0 &&
      (a.key.back() == 's' || b.key.back() == 's'))
    return Relation::None;
  return edit_distance(a.key, b.key, allowed) <= allowed ? Relation::Typo : Relation::None;
}

std::string_view relation_phrase(Relation r) {
  switch (r) {
    case Relation::Case: return "is capitalized differently from";
    case Relation::Typo: return "looks like a misspelling of";
    default: return "is another spelling of";
  }
}

namespace {

// Keys longer than this (long strings, not names) are indexed as they are: their
// neighbourhoods would be large.
constexpr std::size_t kLongestVaried = 40;

// Variants are hashed as polynomials in kBase over their bytes, so that the hash of a key
// with a byte or two deleted is a sum of its prefix's and suffix's hashes: no variant is
// made or read byte by byte.
constexpr std::uint64_t kBase = 0x100000001B3ull;

// The polynomial's value as a variant's hash, its length mixed in.
std::uint64_t finish(std::uint64_t polynomial, std::size_t length) {
  return mix64(polynomial + kGoldenGamma * (length + 1));
}

std::uint64_t polynomial(std::string_view bytes, std::uint64_t start = 0) {
  for (const char c : bytes) start = start * kBase + static_cast<unsigned char>(c);
  return start;
}

// The hashes of every string made by deleting one or two (`edits`) bytes from `word`,
// each set of positions once.
void hash_deletions(std::string_view word, std::size_t edits, std::vector<std::uint64_t>& out) {
  const std::size_t n = word.size();
  // prefix[i]: the polynomial of word[0, i); suffix[i]: of word[i, n), as it stands in
  // the whole word; power[i]: kBase to the i.
  std::array<std::uint64_t, kLongestVaried + 1> prefix{}, suffix{}, power{};
  power[0] = 1;
  for (std::size_t i = 0; i < n; ++i) {
    prefix[i + 1] = prefix[i] * kBase + static_cast<unsigned char>(word[i]);
    power[i + 1] = power[i] * kBase;
  }
  for (std::size_t i = n; i-- > 0;) suffix[i] = suffix[i + 1] + static_cast<unsigned char>(word[i]) * power[n - 1 - i];
  for (std::size_t p = 0; p < n; ++p) {
    out.push_back(finish(prefix[p] * power[n - 1 - p] + suffix[p + 1], n - 1));
    if (edits < 2) continue;
    for (std::size_t q = p + 1; q < n; ++q) {
      const std::uint64_t between = prefix[q] - prefix[p + 1] * power[q - p - 1];
      out.push_back(finish(prefix[p] * power[n - 2 - p] + between * power[n - 1 - q] + suffix[q + 1], n - 2));
    }
  }
}

}  // namespace

std::uint64_t variant_hash(std::string_view variant) { return finish(polynomial(variant), variant.size()); }

void DeletionIndex::variants(const Spelling& s, std::vector<std::uint64_t>& out) const {
  const std::string_view key = s.key;
  out.push_back(variant_hash(key));
  // relation() pairs a common word capitalized only with spellings of its key ("Café",
  // "Cafe"): its deletions and loose key would find nothing it keeps.
  if (s.common) return;
  // Short keys get one deletion when relation() may allow them a slip beside a known name.
  const bool short_slips = limits_.min_length_beside_known > 0 && key.size() >= limits_.min_length_beside_known;
  const std::size_t edits = key.size() > kLongestVaried ? 0
                            : short_slips               ? std::max<std::size_t>(1, edits_allowed(key.size(), limits_))
                                                        : edits_allowed(key.size(), limits_);
  if (edits > 0) hash_deletions(key, edits, out);
  // The loose key under a prefix no deletion of a key can produce.
  out.push_back(finish(polynomial(s.loose, 1), s.loose.size() + 1));
}

void DeletionIndex::index_entries() {
  // A spelling's variants may repeat ("Kelly" less either l): one entry each.
  std::sort(entries_.begin(), entries_.end());
  entries_.erase(std::unique(entries_.begin(), entries_.end()), entries_.end());
}

std::vector<std::uint32_t> DeletionIndex::near(const Spelling& s) const {
  std::vector<std::uint32_t> ids;
  std::vector<std::uint64_t> hashes;
  variants(s, hashes);
  for (const std::uint64_t v : hashes) {
    auto it = std::lower_bound(entries_.begin(), entries_.end(), std::pair<std::uint64_t, std::uint32_t>(v, 0));
    for (; it != entries_.end() && it->first == v; ++it) ids.push_back(it->second);
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

std::vector<std::vector<std::uint32_t>> DeletionIndex::neighbours() const {
  std::vector<std::vector<std::uint32_t>> out(size_);
  // Entries under one variant are of distinct spellings (index_entries() keeps each once).
  for (auto group = entries_.begin(); group != entries_.end();) {
    const auto end = std::find_if(group, entries_.end(), [&](const auto& e) { return e.first != group->first; });
    for (auto a = group; a != end; ++a)
      for (auto b = group; b != end; ++b)
        if (a != b) out[a->second].push_back(b->second);
    group = end;
  }
  for (std::vector<std::uint32_t>& ids : out) {
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  }
  return out;
}

NameList::NameList(const std::vector<std::string>& dic_paths) {
  for (const std::string& path : dic_paths) {
    for (const std::string& entry : read_word_list(path).entries) {
      // "word/FLAGS" or "word": the flags do not matter here.
      std::string word = entry.substr(0, entry.find_first_of("/\t "));
      if (word.empty() || !u_isupper(code_point_at(word, 0)) || !texts_.insert(word).second) continue;
      names_.push_back(std::move(word));
    }
  }
}

std::shared_ptr<const NameList> name_list(const LoadContext& context) {
  return context.shared_made<NameList>("names: the name list", [&] { return NameList(context.dictionaries); });
}

std::string times(std::size_t n) {
  if (n == 1) return "once";
  if (n == 2) return "twice";
  return std::to_string(n) + " times";
}

}  // namespace copydesk::names
