// hash_lower_bound guesses where a hash lies from its value: it must find what
// std::lower_bound finds, whatever the table holds.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <random>
#include <vector>

#include "base/hash_search.hpp"

using copydesk::hash_lower_bound;

namespace {

// The number of hashes among `probes` for which hash_lower_bound and std::lower_bound part.
std::size_t disagreements(const std::vector<std::uint64_t>& sorted, const std::vector<std::uint64_t>& probes) {
  std::size_t parted = 0;
  for (const std::uint64_t h : probes)
    parted += hash_lower_bound(sorted, h) != std::lower_bound(sorted.data(), sorted.data() + sorted.size(), h);
  return parted;
}

}  // namespace

TEST_CASE("hash_lower_bound finds what std::lower_bound finds in an even spread of hashes", "[hash-search]") {
  std::mt19937_64 random(11);
  std::vector<std::uint64_t> sorted(100'000);
  for (auto& h : sorted) h = random();
  std::sort(sorted.begin(), sorted.end());
  std::vector<std::uint64_t> probes{0, 1, UINT64_MAX, sorted.front(), sorted.back()};
  for (int i = 0; i < 2'000; ++i) {
    probes.push_back(sorted[random() % sorted.size()]);      // present
    probes.push_back(sorted[random() % sorted.size()] + 1);  // mostly absent, just above one
    probes.push_back(random());                              // absent
  }
  CHECK(disagreements(sorted, probes) == 0);
}

TEST_CASE("hash_lower_bound finds the first of a run of one hash, and copes with uneven tables", "[hash-search]") {
  std::mt19937_64 random(12);
  std::vector<std::uint64_t> sorted;
  // Long runs of a few hashes (a deletion variant many words share), all crowded low,
  // with both ends of the range present.
  for (int i = 0; i < 500; ++i) sorted.push_back(1000);
  for (int i = 0; i < 500; ++i) sorted.push_back(random() % 5000);
  sorted.push_back(0);
  sorted.push_back(UINT64_MAX);
  for (int i = 0; i < 300; ++i) sorted.push_back(UINT64_MAX - 7);
  std::sort(sorted.begin(), sorted.end());
  std::vector<std::uint64_t> probes{0, 1, 999, 1000, 1001, 4999, 5000, UINT64_MAX - 8, UINT64_MAX - 7, UINT64_MAX};
  for (int i = 0; i < 2'000; ++i) probes.push_back(random() % 6000);
  CHECK(disagreements(sorted, probes) == 0);
  CHECK(*hash_lower_bound(sorted, 1000) == 1000);
  CHECK((hash_lower_bound(sorted, 1000) == sorted.data() || hash_lower_bound(sorted, 1000)[-1] < 1000));
  // Tables of nothing, one and a few.
  CHECK(disagreements({}, probes) == 0);
  CHECK(disagreements({1000}, probes) == 0);
  CHECK(disagreements({5, 1000, 1000, UINT64_MAX}, probes) == 0);
}
