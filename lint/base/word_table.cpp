#include "base/word_table.hpp"

#include <algorithm>

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
  // The words are NUL-ended: compared where they lie, byte by byte in line, not measured
  // first nor handed to strncmp (a look-up makes twenty comparisons, most of them decided
  // at the first byte, and every word of a document is looked up).
  if (word.find('\0') != std::string_view::npos) return -1;  // it would match a word's end
  const auto* wanted = reinterpret_cast<const unsigned char*>(word.data());
  const std::size_t n = word.size();
  const auto compare = [&](std::uint32_t off) {
    if (off >= blob_.size()) return 1;  // a damaged file's: found nowhere
    // The table's word stops at its NUL, where `word` has none, so no byte past the
    // blob's final NUL is read.
    const auto* w = reinterpret_cast<const unsigned char*>(blob_.data() + off);
    for (std::size_t i = 0; i < n; ++i)
      if (w[i] != wanted[i]) return w[i] < wanted[i] ? -1 : 1;
    return w[n] == '\0' ? 0 : 1;
  };
  const auto it = std::lower_bound(offsets_.begin(), offsets_.end(), word,
                                   [&](std::uint32_t off, std::string_view) { return compare(off) < 0; });
  if (it == offsets_.end() || compare(*it) != 0) return -1;
  return it - offsets_.begin();
}

}  // namespace copydesk
