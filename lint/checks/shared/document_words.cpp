#include "checks/shared/document_words.hpp"

#include <functional>
#include <memory_resource>
#include <unordered_map>

namespace copydesk {
namespace {

// A key with its hash, computed once: the table of ids hashes each key once, and the
// kinds reuse the same hash.
struct HashedKey {
  std::string_view key;
  std::size_t hash;
  bool operator==(const HashedKey& other) const { return key == other.key; }
};
struct HashOfKey {
  std::size_t operator()(const HashedKey& k) const { return k.hash; }
};

}  // namespace

DocumentWords::DocumentWords(const Document& doc) {
  const auto& tokens = doc.tokens();
  // One block of memory for the table's entries rather than one allocation each.
  std::pmr::monotonic_buffer_resource memory;
  std::pmr::unordered_map<HashedKey, std::uint32_t, HashOfKey> ids(tokens.size(), &memory);
  auto id_of = [&](std::string_view key) {
    const HashedKey k{key, std::hash<std::string_view>{}(key)};
    const auto [it, fresh] = ids.try_emplace(k, static_cast<std::uint32_t>(hashes_.size()));
    if (fresh) hashes_.push_back(k.hash);
    return it->second;
  };
  words_.reserve(tokens.size());
  words_before_.reserve(tokens.size() + 1);
  token_ids_.assign(tokens.size(), kNoId);
  for (std::uint32_t k = 0; k < tokens.size(); ++k) {
    words_before_.push_back(static_cast<std::uint32_t>(words_.size()));
    const Token& t = tokens[k];
    if (t.kind != TokenKind::Word && t.kind != TokenKind::Number) continue;
    const std::uint32_t id = token_ids_[k] = id_of(t.key);
    if (t.kind != TokenKind::Word) continue;
    const std::string_view base = without_possessive(t.key);
    words_.push_back({k, id, base.size() == t.key.size() ? id : id_of(base), t.key});
  }
  words_before_.push_back(static_cast<std::uint32_t>(words_.size()));
}

const DocumentWords& DocumentWords::of(const Document& doc, const Resources& res) {
  static const char owner = 0;  // the memo's key for this helper
  return res.memo.get<DocumentWords>(&owner, [&] { return DocumentWords(doc); });
}

}  // namespace copydesk
