#include "checks/shared/document_words.hpp"

#include <bit>
#include <functional>

namespace copydesk {

DocumentWords::DocumentWords(const Document& doc) {
  const auto& tokens = doc.tokens();
  // The ids by the hash of their key, open addressing (0 empty, else id + 1), kept at most
  // half full by doubling: every word and number is looked up here, and a node-based
  // table with a prime modulus cost about a hundred instructions a look-up more than the
  // hash itself. (A token may add two ids, its key and its key without "'s".)
  std::vector<std::uint32_t> slots(std::bit_ceil(tokens.size() + 2), 0);
  auto place = [&](std::size_t hash, std::uint32_t id) {
    const std::size_t mask = slots.size() - 1;
    std::size_t slot = hash & mask;
    while (slots[slot] != 0) slot = (slot + 1) & mask;
    slots[slot] = id + 1;
  };
  std::vector<std::string_view> keys;  // per id
  auto id_of = [&](std::string_view key) {
    const std::size_t hash = std::hash<std::string_view>{}(key);
    const std::size_t mask = slots.size() - 1;
    for (std::size_t slot = hash & mask;; slot = (slot + 1) & mask) {
      const std::uint32_t held = slots[slot];
      if (held == 0) break;
      if (hashes_[held - 1] == hash && keys[held - 1] == key) return held - 1;
    }
    const auto id = static_cast<std::uint32_t>(hashes_.size());
    hashes_.push_back(hash);
    keys.push_back(key);
    if (2 * hashes_.size() > slots.size()) {
      slots.assign(2 * slots.size(), 0);
      for (std::uint32_t held = 0; held < hashes_.size(); ++held) place(hashes_[held], held);
    } else {
      place(hash, id);
    }
    return id;
  };
  words_.reserve(tokens.size());
  words_before_.resize(tokens.size() + 1);
  token_ids_.assign(tokens.size(), kNoId);
  for (std::uint32_t k = 0; k < tokens.size(); ++k) {
    words_before_[k] = static_cast<std::uint32_t>(words_.size());
    const Token& t = tokens[k];
    if (t.kind != TokenKind::Word && t.kind != TokenKind::Number) continue;
    const std::uint32_t id = token_ids_[k] = id_of(t.key);
    if (t.kind != TokenKind::Word) continue;
    // A possessive ending ends in "s": most words need no look for one.
    const std::string_view base = t.key.ends_with('s') ? without_possessive(t.key) : std::string_view(t.key);
    words_.push_back({k, id, base.size() == t.key.size() ? id : id_of(base), t.key});
  }
  words_before_[tokens.size()] = static_cast<std::uint32_t>(words_.size());
}

const DocumentWords& DocumentWords::of(const Document& doc, const Resources& res) {
  static const char owner = 0;  // the memo's key for this helper
  return res.memo.get<DocumentWords>(&owner, [&] { return DocumentWords(doc); });
}

}  // namespace copydesk
