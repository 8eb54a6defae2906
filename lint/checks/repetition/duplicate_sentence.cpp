// duplicate-sentence kind: a sentence, or a run of sentences such as a paragraph, that
// repeats an earlier one exactly or nearly, however far apart the two are.
//
// Each sentence becomes the set of its word pairs (shingles). MinHash estimates how much
// two such sets overlap (their Jaccard similarity) from a short signature, and banding
// the signature (locality-sensitive hashing) turns "which earlier sentence is like this
// one?" into a few table look-ups, so no sentence is compared with every other. MinHash
// rather than winnowing: winnowing finds shared passages inside long texts, whereas here
// the units are given (sentences) and what is asked is whether two of them are alike as
// a whole. Candidates are confirmed by computing the true Jaccard similarity of the sets.
// Numbers count as words here, so that two sentences differing in a figure differ.
#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <limits>
#include <map>
#include <memory_resource>
#include <unordered_map>

#include "base/mix64.hpp"
#include "base/wide_vectors.hpp"
#include "checks/repetition/words.hpp"

namespace copydesk::repetition {
namespace {

constexpr std::size_t kBands = 8, kRows = 2;  // a pair at similarity 0.7 meets in a band 99% of the time
constexpr std::size_t kHashes = kBands * kRows;

// One cheap independent hash per seed.
std::uint64_t mix(std::uint64_t x) { return mix64(x + kGoldenGamma); }

using Signature = std::array<std::uint64_t, kHashes>;

// The MinHash signature: for each of the hashes, its least value over the shingles. Most
// of the kind's work, so where the processor has them, four hashes a step in wide
// registers (the same values either way).
COPYDESK_WIDE_VECTORS
Signature signature_of(std::span<const std::uint64_t> shingles) {
  Signature signature;
  signature.fill(std::numeric_limits<std::uint64_t>::max());
  for (std::uint64_t s : shingles)
    for (std::size_t h = 0; h < kHashes; ++h) signature[h] = std::min(signature[h], mix(s + h));
  return signature;
}

// A sentence compared. Its shingles and facts lie in arrays shared by all the units of a
// document, so that a sentence costs no allocation of its own.
struct Shingled {
  std::uint32_t sentence;
  std::size_t shingles_begin, shingles_end;  // sorted and unique once `is_set`
  std::size_t facts_begin, facts_end;        // the ids of its names and numbers, sorted
  bool quoted;                               // mostly inside quotation marks
  bool is_set;                               // shingles sorted and unique
};

struct Units {
  std::vector<Shingled> units;
  std::vector<std::uint64_t> shingles;
  std::vector<std::uint32_t> facts;
  std::span<const std::uint64_t> shingles_of(const Shingled& u) const {
    return std::span<const std::uint64_t>(shingles).subspan(u.shingles_begin, u.shingles_end - u.shingles_begin);
  }
  std::span<const std::uint32_t> facts_of(const Shingled& u) const {
    return std::span<const std::uint32_t>(facts).subspan(u.facts_begin, u.facts_end - u.facts_begin);
  }
  // The shingles as a set, sorted and each once. Made when a band first pairs the unit:
  // the signature needs neither order nor uniqueness, and few units are ever compared.
  std::span<const std::uint64_t> set_of(Shingled& u) {
    if (!u.is_set) {
      const auto first = shingles.begin() + static_cast<std::ptrdiff_t>(u.shingles_begin);
      std::sort(first, shingles.begin() + static_cast<std::ptrdiff_t>(u.shingles_end));
      u.shingles_end = static_cast<std::size_t>(
          std::unique(first, shingles.begin() + static_cast<std::ptrdiff_t>(u.shingles_end)) - shingles.begin());
      u.is_set = true;
    }
    return shingles_of(u);
  }
};

double jaccard(std::span<const std::uint64_t> a, std::span<const std::uint64_t> b) {
  std::size_t common = 0;
  for (auto i = a.begin(), j = b.begin(); i != a.end() && j != b.end();) {
    if (*i < *j) ++i;
    else if (*j < *i) ++j;
    else { ++common; ++i; ++j; }
  }
  return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

class DuplicateSentence : public Check {
 public:
  explicit DuplicateSentence(const Rule& rule)
      : min_words_(option<std::size_t>(rule, "min_words")),
        similarity_(option<double>(rule, "similarity")) {}

  void run(const Document& doc, const Resources& res, Emitter& out) const override {
    const auto& sentences = doc.sentences();
    const DocumentWords& document_words = DocumentWords::of(doc, res);
    Units all;
    std::vector<Shingled>& units = all.units;
    all.shingles.reserve(document_words.all().size());  // about a pair a word: little copying as it grows
    std::vector<std::uint64_t> keys;  // the current sentence's
    // A front-matter summary that repeats the lede is how summaries are written.
    const std::size_t body = doc.source().format() == Format::Markdown && doc.offset_in_file() == 0
                                 ? find_front_matter(doc.source().valid_text(), {}).end
                                 : 0;
    for (const Paragraph& p : doc.paragraphs()) {
      if (p.heading_like) continue;  // a repeated heading ("Background") is layout
      if (p.begin < body) continue;
      for (std::uint32_t si = p.first_sentence; si < p.last_sentence; ++si) {
        const Sentence& s = sentences[si];
        Shingled u{si, all.shingles.size(), all.shingles.size(), all.facts.size(), all.facts.size(), false, false};
        keys.clear();
        std::size_t in_quote = 0;
        for (std::uint32_t k = s.first_token; k < s.last_token; ++k) {
          const Token& t = doc.tokens()[k];
          if (t.kind != TokenKind::Word && t.kind != TokenKind::Number) continue;
          in_quote += t.in_quote;
          const std::uint32_t id = document_words.id_of_token(k);
          keys.push_back(document_words.hash(id));
          if (t.kind == TokenKind::Number || (!t.sentence_initial && t.letter_case != Case::Lower)) all.facts.push_back(id);
        }
        if (keys.size() < min_words_) {
          all.facts.resize(u.facts_begin);
          continue;
        }
        u.quoted = 2 * in_quote > keys.size();
        for (std::size_t k = 0; k + 1 < keys.size(); ++k) all.shingles.push_back(mix(keys[k]) ^ keys[k + 1]);
        std::sort(all.facts.begin() + static_cast<std::ptrdiff_t>(u.facts_begin), all.facts.end());
        u.shingles_end = all.shingles.size();
        u.facts_end = all.facts.size();
        units.push_back(u);
      }
    }
    // match[k]: the earlier unit that unit k repeats, if any.
    std::vector<std::size_t> match(units.size(), kNone);
    std::vector<double> score(units.size(), 0);
    std::pmr::monotonic_buffer_resource memory;  // for the bands' entries, freed at once
    std::vector<std::pmr::unordered_map<std::uint64_t, std::size_t>> bands;  // band value -> first unit
    bands.reserve(kBands);
    for (std::size_t b = 0; b < kBands; ++b) bands.emplace_back(units.size(), &memory);
    for (std::size_t k = 0; k < units.size(); ++k) {
      const Signature signature = signature_of(all.shingles_of(units[k]));
      for (std::size_t b = 0; b < kBands; ++b) {
        std::uint64_t value = b;
        for (std::size_t r = 0; r < kRows; ++r) value = mix(value ^ signature[b * kRows + r]);
        auto [it, fresh] = bands[b].try_emplace(value, k);
        if (fresh || it->second == match[k] || !comparable(units[it->second], units[k])) continue;
        const double j = jaccard(all.set_of(units[it->second]), all.set_of(units[k]));
        // A near copy must tell of the same people and figures: "X took office on May 23"
        // and "Y took office on May 23" are two facts in one mould, not a repeat.
        if (j >= similarity_ && j > score[k] &&
            (j == 1.0 || std::ranges::equal(all.facts_of(units[it->second]), all.facts_of(units[k])))) {
          match[k] = it->second;
          score[k] = j;
        }
      }
    }
    report_runs(doc, units, match, score, out);
  }

 private:
  static constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();

  // A passage quoted and the same passage given in full (a statement's highlights, then
  // the remarks as delivered) are repeated on purpose.
  static bool comparable(const Shingled& a, const Shingled& b) { return a.quoted == b.quoted; }

  // Consecutive sentences that repeat consecutive sentences make one finding, and a
  // sentence or passage pasted many times makes one: its later copies are counted in
  // that finding and the first few listed, so 5,000 copies do not make 4,999 findings.
  static void report_runs(const Document& doc, const std::vector<Shingled>& units, const std::vector<std::size_t>& match,
                          const std::vector<double>& score, Emitter& out) {
    constexpr std::size_t kListed = 10;  // later copies given as related places
    struct Run {
      std::size_t begin, end;  // units [begin, end)
      bool exact;
      std::vector<std::size_t> copies;  // first units of the later copies
    };
    std::vector<Run> runs;
    std::map<std::pair<std::size_t, std::size_t>, std::size_t> by_original;  // (first original unit, length) -> run
    for (std::size_t k = 0; k < units.size();) {
      if (match[k] == kNone) {
        ++k;
        continue;
      }
      std::size_t end = k + 1;
      bool exact = score[k] == 1.0;
      while (end < units.size() && match[end] != kNone && match[end] == match[end - 1] + 1 &&
             units[end].sentence == units[end - 1].sentence + 1 && match[end] < k) {
        exact = exact && score[end] == 1.0;
        ++end;
      }
      std::size_t original = match[k];
      while (match[original] != kNone) original = match[original];
      const auto [it, fresh] = by_original.try_emplace({original, end - k}, runs.size());
      if (fresh) runs.push_back({k, end, exact, {}});
      else runs[it->second].copies.push_back(k);
      k = end;
    }
    const auto& sentences = doc.sentences();
    for (const Run& run : runs) {
      const std::size_t length = run.end - run.begin;
      const Sentence& first = sentences[units[run.begin].sentence];
      const Sentence& last = sentences[units[run.end - 1].sentence];
      const Sentence& was_first = sentences[units[match[run.begin]].sentence];
      const Sentence& was_last = sentences[units[match[run.end - 1]].sentence];
      const std::string_view how = run.exact ? "repeats" : "nearly repeats";
      std::string message = length == 1 ? fmt::format("This sentence {} an earlier one.", how)
                                        : fmt::format("These {} sentences {} an earlier passage.", length, how);
      if (!run.copies.empty())
        message += fmt::format(" {} repeated {} after this.", length == 1 ? "It is" : "They are",
                               run.copies.size() == 1 ? "once more" : fmt::format("{} more times", run.copies.size()));
      Diagnostic& d = out.report(first.begin, last.end - first.begin, std::move(message));
      d.related.push_back({was_first.begin, was_last.end - was_first.begin, "It was first written here."});
      for (std::size_t i = 0; i < run.copies.size() && i < kListed; ++i) {
        const Sentence& from = sentences[units[run.copies[i]].sentence];
        const Sentence& to = sentences[units[run.copies[i] + length - 1].sentence];
        d.related.push_back({from.begin, to.end - from.begin, "It comes again here."});
      }
    }
  }

  std::size_t min_words_;
  double similarity_;
};

COPYDESK_REGISTER_CHECK("duplicate-sentence", [](const Rule& rule, const LoadContext&) {
  return std::make_unique<DuplicateSentence>(rule);
},
                        {"min_words", OptionType::Integer, "6", "shorter sentences are not compared"},
                        {"similarity", OptionType::Number, "0.7", "the share of shared word shingles that makes a near duplicate"});

}  // namespace
}  // namespace copydesk::repetition
