// A 64-bit value scrambled so that every bit of the result depends on every bit of the
// value: splitmix64's finaliser (Steele, Lea and Flood, 2014), for hashes made from
// numbers (word ids, sums of byte hashes) that tables and MinHash need spread out.
#pragma once
#include <cstdint>

namespace copydesk {

constexpr std::uint64_t mix64(std::uint64_t x) {
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

// splitmix64's increment, added before mixing so that 0 does not stay 0.
constexpr std::uint64_t kGoldenGamma = 0x9E3779B97F4A7C15ull;

}  // namespace copydesk
