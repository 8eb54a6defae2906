// consistency kind: an article should write a thing one way. Each option group lists
// spellings of one thing ("U.S." / "US"); when an article uses more than one, the
// less used spellings are flagged with the most used one as the suggestion.
//
// The spellings of every consistency rule are found in one pass over the text. Most
// places start no spelling, and the first two bytes of a place tell: a table of the
// spellings' first two bytes passes over them, and only where a spelling may start, at a
// word's start, is the text looked up in the set of spellings, once for each length that
// ends a word. A pack of 10,000 groups costs one table, not 10,000 scans of the text.
// Where two spellings overlap in the text, the one that starts first (then the longest)
// is the one counted.
#include <fmt/format.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <bitset>
#include <cstring>
#include <memory>
#include <unordered_map>

#include "base/text.hpp"
#include "engine/check.hpp"

namespace copydesk {
namespace {

// Every spelling of every consistency rule, each once.
class SpellingIndex {
 public:
  // Where each spelling occurs in a document (byte offsets), by spelling id.
  using Hits = std::unordered_map<std::uint32_t, std::vector<std::size_t>>;

  std::uint32_t add(const std::string& spelling) {
    const auto [it, added] = ids_.emplace(spelling, static_cast<std::uint32_t>(spellings_.size()));
    if (added) {
      spellings_.push_back(spelling);
      longest_ = std::max(longest_, spelling.size());
      const unsigned first = byte(spelling, 0);
      if (spelling.size() > 1) starts_.set(first << 8 | byte(spelling, 1));
      else for (unsigned second = 0; second < 256; ++second) starts_.set(first << 8 | second);
      first_bytes_[first] = true;
      for (unsigned before = 0; before < 256; ++before) {
        const unsigned char two[2] = {static_cast<unsigned char>(before), static_cast<unsigned char>(first)};
        if (!kAsciiWordByte[before]) opens_[pair_at(two)] = 1;
      }
    }
    return it->second;
  }
  const std::string& spelling(std::uint32_t id) const { return spellings_[id]; }

  Hits find(std::string_view text) const {
    Hits hits;
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    for (std::size_t at = next_opening(bytes, 0, text.size()); at < text.size();
         at = next_opening(bytes, at, text.size())) {
      // The first two bytes tell most openings from a spelling's start.
      const std::size_t length = starts_[bytes[at] << 8 | byte(text, at + 1)] ? whole_word_at(text, at) : 0;
      if (length > 0) hits[ids_.find(text.substr(at, length))->second].push_back(at);
      at += std::max<std::size_t>(length, 1);  // on after the spelling
    }
    return hits;
  }

 private:
  // The byte at i as a number, 0 past the end.
  static unsigned byte(std::string_view text, std::size_t i) {
    return i < text.size() ? static_cast<unsigned char>(text[i]) : 0u;
  }
  // The two bytes from `two` on as one number, read at once.
  static std::uint16_t pair_at(const unsigned char* two) {
    std::uint16_t both;
    std::memcpy(&both, two, sizeof both);
    return both;
  }

  // The first place from `at` on, or `size`, that opens a spelling: its byte starts one,
  // and the byte before is no ASCII letter or digit (inside an ASCII word no spelling
  // starts as a whole word; the text's start counts as a space). A spelling cannot begin
  // inside a character: its first byte tells.
  std::size_t next_opening(const unsigned char* bytes, std::size_t at, std::size_t size) const {
    if (at == 0) {
      if (size == 0 || first_bytes_[bytes[0]]) return 0;
      at = 1;
    }
    // Four places a step: the loop's own instructions would cost as much as the look-ups.
    for (; at + 4 <= size; at += 4) {
      if (opens_[pair_at(bytes + at - 1)] != 0) return at;
      if (opens_[pair_at(bytes + at)] != 0) return at + 1;
      if (opens_[pair_at(bytes + at + 1)] != 0) return at + 2;
      if (opens_[pair_at(bytes + at + 2)] != 0) return at + 3;
    }
    while (at < size && opens_[pair_at(bytes + at - 1)] == 0) ++at;
    return at;
  }

  // The length of the longest spelling that starts at `at` as a whole word, or 0.
  std::size_t whole_word_at(std::string_view text, std::size_t at) const {
    if (is_word_character(code_point_before(text, at))) return 0;
    for (std::size_t length = std::min(longest_, text.size() - at); length > 0; --length)
      if (!is_word_character(code_point_at(text, at + length)) && ids_.count(text.substr(at, length)) != 0) return length;
    return 0;
  }
  static bool is_word_character(UChar32 c) { return c > 0 && (U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_N_MASK)) != 0; }
  // The bytes that are ASCII letters and digits, word characters on their own.
  static constexpr std::array<bool, 256> kAsciiWordByte = [] {
    std::array<bool, 256> table{};
    for (int c = 0; c < 128; ++c) table[c] = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    return table;
  }();

  StringMap<std::uint32_t> ids_;
  std::vector<std::string> spellings_;
  std::size_t longest_ = 0;  // bytes
  std::bitset<1 << 16> starts_;  // the first two bytes of a spelling (a one-byte one: with any byte after)
  std::array<bool, 256> first_bytes_{};  // a spelling's first byte
  // By pair_at(): a spelling's first byte after a byte it may follow. Bytes, not bits: one
  // look-up a byte of text.
  std::vector<unsigned char> opens_ = std::vector<unsigned char>(1 << 16);
};

class Consistency : public Check {
 public:
  Consistency(const Rule& rule, const LoadContext& ctx) : index_(ctx.shared_by_kind<SpellingIndex>("consistency")) {
    const YAML::Node groups = rule.options ? rule.options["groups"] : YAML::Node();
    if (!groups || !groups.IsSequence()) config_error(rule.origin, rule.options, "consistency needs 'groups', a list of lists");
    for (const auto& group : groups) {
      if (!group.IsSequence() || group.size() < 2)
        config_error(rule.origin, group, "each consistency group lists two or more spellings");
      auto& variants = groups_.emplace_back();
      for (const auto& item : group) {
        if (!item.IsScalar() || item.Scalar().empty())
          config_error(rule.origin, item, "a consistency spelling must be a non-empty text");
        variants.push_back(index_->add(item.Scalar()));
      }
    }
  }

  void run(const Document& doc, const Resources& res, Emitter& out) const override {
    const auto& found = res.memo.get<SpellingIndex::Hits>(index_.get(), [&] { return index_->find(doc.text()); });
    if (found.empty()) return;
    static const std::vector<std::size_t> none;
    for (const auto& variants : groups_) {
      std::vector<const std::vector<std::size_t>*> hits;
      for (const std::uint32_t id : variants) {
        const auto it = found.find(id);
        hits.push_back(it == found.end() ? &none : &it->second);
      }
      std::size_t used = 0, best = 0;
      for (std::size_t v = 0; v < variants.size(); ++v) {
        if (hits[v]->empty()) continue;
        ++used;
        // Most used wins; on a tie, the one the article used first.
        if (hits[best]->empty() || hits[v]->size() > hits[best]->size() ||
            (hits[v]->size() == hits[best]->size() && (*hits[v])[0] < (*hits[best])[0]))
          best = v;
      }
      if (used < 2) continue;
      const std::string& preferred = index_->spelling(variants[best]);
      for (std::size_t v = 0; v < variants.size(); ++v) {
        if (v == best) continue;
        const std::string& spelling = index_->spelling(variants[v]);
        for (std::size_t at : *hits[v]) {
          Diagnostic& d = out.report(at, spelling.size(),
                                     fmt::format("“{}” is also written “{}” in this article ({}); pick one.", spelling,
                                                 preferred,
                                                 hits[best]->size() == 1 ? "once" : fmt::format("{} times", hits[best]->size())),
                                     {preferred});
          d.related.push_back({(*hits[best])[0], preferred.size(), fmt::format("“{}” is used here", preferred)});
        }
      }
    }
  }

 private:
  std::shared_ptr<SpellingIndex> index_;  // shared by every consistency rule
  std::vector<std::vector<std::uint32_t>> groups_;
};

COPYDESK_REGISTER_CHECK("consistency", [](const Rule& rule, const LoadContext& ctx) {
  return std::make_unique<Consistency>(rule, ctx);
},
                        {"groups", OptionType::List, "", "lists of spellings of which an article should use one"});

}  // namespace
}  // namespace copydesk
