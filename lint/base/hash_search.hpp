// Searching a sorted table of hashes, which spread evenly over the 64-bit range: where a
// hash lies is guessed from its value, so a look-up takes a few probes rather than the
// twenty-odd steps of a binary search over a million entries.
#pragma once
#include <algorithm>
#include <cstdint>
#include <span>

namespace copydesk {

// std::lower_bound(sorted, hash), by interpolation. A guess lands within a few dozen
// entries of the hash after one or two, so each guess is followed by a probe kSmall
// entries beyond it, which closes the range from the other side. Runs of one repeated
// hash (several entries sharing it) stop a guess from closing in, so after a few guesses
// the rest of the range is searched by halves.
inline const std::uint64_t* hash_lower_bound(std::span<const std::uint64_t> sorted, std::uint64_t hash) {
  constexpr int kGuesses = 4;
  constexpr std::size_t kSmall = 16;  // a range this short is searched by halves at once
  const std::uint64_t* first = sorted.data();
  // Every entry before `low` is below the hash, every entry from `high` on is not; the
  // entries between lie within [low_value, high_value].
  std::size_t low = 0, high = sorted.size();
  std::uint64_t low_value = 0, high_value = UINT64_MAX;
  const auto narrow = [&](std::size_t at) {
    if (first[at] < hash) {
      low = at + 1;
      low_value = first[at];
    } else {
      high = at;
      high_value = first[at];
    }
  };
  for (int guess = 0; guess < kGuesses && high - low > kSmall; ++guess) {
    const double share = static_cast<double>(hash - low_value) / (static_cast<double>(high_value - low_value) + 1.0);
    const auto offset = static_cast<std::size_t>(share * static_cast<double>(high - low));
    const std::size_t probe = low + std::min(offset, high - low - 1);
    narrow(probe);
    if (low == probe + 1 && probe + kSmall < high) narrow(probe + kSmall);
    else if (high == probe && probe >= low + kSmall) narrow(probe - kSmall);
  }
  return std::lower_bound(first + low, first + high, hash);
}

}  // namespace copydesk
