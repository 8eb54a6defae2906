#include "base/word_table.hpp"

#include <algorithm>
#include <cstring>

#include "base/eight_bytes.hpp"

namespace copydesk {

void WordTable::append(std::span<const std::string_view> sorted, std::string& blob, std::vector<std::uint32_t>& offsets) {
  for (std::string_view w : sorted) {
    offsets.push_back(static_cast<std::uint32_t>(blob.size()));
    blob.append(w).push_back('\0');
  }
}

bool WordTable::consistent() const {
  // Each offset is checked where a search reads it: checking them all here would read
  // the whole table, most of a run's look-ups over again.
  return offsets_.empty() || (!blob_.empty() && blob_.back() == '\0');
}

std::int64_t WordTable::find(std::string_view word) const {
  // The words are NUL-ended: compared where they lie, in line (a look-up makes twenty
  // comparisons, and every word of a document is looked up; strncmp's call cost more
  // than the bytes it compared). A word of the table equals `word` when it has the same
  // bytes and then its NUL: `word` and a NUL are compared with the table's word, eight
  // bytes a step, and the first byte that differs orders the two.
  if (word.find('\0') != std::string_view::npos) return -1;  // it would match a word's end
  constexpr std::size_t kMaxChunks = 8;
  const std::size_t n = word.size(), compared = n + 1, chunks = (compared + 7) / 8;
  if (chunks > kMaxChunks) return find_bytewise(word);
  std::uint64_t wanted[kMaxChunks] = {};
  std::memcpy(wanted, word.data(), n);
  const std::uint64_t last_mask = compared % 8 == 0 ? ~std::uint64_t{0} : (std::uint64_t{1} << (8 * (compared % 8))) - 1;
  const auto compare = [&](std::uint32_t off) {
    // A word whose eight-byte reads would pass the blob's end (the last few) is compared
    // byte by byte.
    if (off >= blob_.size() || blob_.size() - off < 8 * chunks) return compare_bytewise(off, word);
    for (std::size_t k = 0; k < chunks; ++k) {
      const std::uint64_t stored = eight_bytes::load(blob_.data() + off + 8 * k);
      const std::uint64_t differ = (stored ^ wanted[k]) & (k + 1 == chunks ? last_mask : ~std::uint64_t{0});
      if (differ != 0) {
        const int shift = 8 * eight_bytes::first(differ);
        return ((stored >> shift) & 0xFF) < ((wanted[k] >> shift) & 0xFF) ? -1 : 1;
      }
    }
    return 0;
  };
  const auto it = std::lower_bound(offsets_.begin(), offsets_.end(), word,
                                   [&](std::uint32_t off, std::string_view) { return compare(off) < 0; });
  if (it == offsets_.end() || compare(*it) != 0) return -1;
  return it - offsets_.begin();
}

int WordTable::compare_bytewise(std::uint32_t off, std::string_view word) const {
  if (off >= blob_.size()) return 1;  // a damaged file's: found nowhere
  // The table's word stops at its NUL, where `word` has none, so no byte past the blob's
  // final NUL is read.
  const auto* stored = reinterpret_cast<const unsigned char*>(blob_.data() + off);
  const auto* wanted = reinterpret_cast<const unsigned char*>(word.data());
  for (std::size_t i = 0; i < word.size(); ++i)
    if (stored[i] != wanted[i]) return stored[i] < wanted[i] ? -1 : 1;
  return stored[word.size()] == '\0' ? 0 : 1;
}

std::int64_t WordTable::find_bytewise(std::string_view word) const {
  const auto it = std::lower_bound(offsets_.begin(), offsets_.end(), word,
                                   [&](std::uint32_t off, std::string_view w) { return compare_bytewise(off, w) < 0; });
  if (it == offsets_.end() || compare_bytewise(*it, word) != 0) return -1;
  return it - offsets_.begin();
}

}  // namespace copydesk
