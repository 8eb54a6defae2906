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
  // The words are NUL-ended: compared where they lie, not measured first (a look-up makes
  // twenty comparisons, and every word of a document is looked up).
  if (word.find('\0') != std::string_view::npos) return -1;  // the comparison below stops at a NUL
  // Byte by byte here, as strncmp orders them (unsigned): most comparisons end in the
  // first byte or two, where a call to strncmp cost more than the comparing.
  const auto compare = [&](std::uint32_t off) {
    if (off >= blob_.size()) return 1;  // a damaged file's: found nowhere
    const auto* w = reinterpret_cast<const unsigned char*>(blob_.data() + off);
    const auto* s = reinterpret_cast<const unsigned char*>(word.data());
    // A shorter table word stops at its NUL, which the word (holding none) never matches.
    for (std::size_t i = 0; i < word.size(); ++i)
      if (w[i] != s[i]) return w[i] < s[i] ? -1 : 1;
    return w[word.size()] == '\0' ? 0 : 1;
  };
  const auto it = std::lower_bound(offsets_.begin(), offsets_.end(), word,
                                   [&](std::uint32_t off, std::string_view) { return compare(off) < 0; });
  if (it == offsets_.end() || compare(*it) != 0) return -1;
  return it - offsets_.begin();
}

}  // namespace copydesk
