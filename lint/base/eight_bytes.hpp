// Tests on eight bytes at once, read as one little-endian 64-bit word: each leaves the
// top bit of every byte where the test holds, and count() adds those up. Byte loops over
// short words or long texts cost several instructions a byte; these about one.
#pragma once
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace copydesk::eight_bytes {

static_assert(std::endian::native == std::endian::little, "the first byte is the lowest");

constexpr std::uint64_t kOnes = 0x0101010101010101ULL, kTops = 0x8080808080808080ULL;

// Bytes at or above 0x80 (not ASCII).
constexpr std::uint64_t above_ascii(std::uint64_t eight) { return eight & kTops; }

// Bytes in [low, high]; for words of ASCII bytes only (see above_ascii), 0 < low <= high < 0x80.
constexpr std::uint64_t within(std::uint64_t eight, unsigned low, unsigned high) {
  return (eight + kOnes * (0x80 - low)) & ~(eight + kOnes * (0x7F - high)) & kTops;
}

// Bytes equal to c, exactly (no carries between bytes).
constexpr std::uint64_t equal_to(std::uint64_t eight, unsigned char c) {
  const std::uint64_t x = eight ^ (kOnes * c);
  return ~(((x & ~kTops) + ~kTops) | x) & kTops;
}

// UTF-8 continuation bytes (10xxxxxx), which start no code point.
constexpr std::uint64_t continuation(std::uint64_t eight) { return eight & ~(eight << 1) & kTops; }

// How many bytes a test marked.
constexpr int count(std::uint64_t marked) { return static_cast<int>(((marked >> 7) * kOnes) >> 56); }

// The byte offset of the first marked byte; `marked` not 0.
constexpr int first(std::uint64_t marked) { return std::countr_zero(marked) / 8; }

// The eight bytes at text[at].
inline std::uint64_t load(const char* at) {
  std::uint64_t eight;
  std::memcpy(&eight, at, 8);
  return eight;
}

// Bytes [at, at + n) of `text` (n at most 8), the others zero; past n it reads only
// inside `text`.
inline std::uint64_t load_part(std::string_view text, std::size_t at, std::size_t n) {
  if (at + 8 <= text.size()) return n == 8 ? load(text.data() + at) : load(text.data() + at) & ((std::uint64_t{1} << (8 * n)) - 1);
  std::uint64_t eight = 0;
  for (std::size_t k = 0; k < n; ++k) eight |= std::uint64_t{static_cast<unsigned char>(text[at + k])} << (8 * k);
  return eight;
}

}  // namespace copydesk::eight_bytes
