#include <catch2/catch.hpp>
#include <random>
#include <string>

#include "base/eight_bytes.hpp"

namespace eb = copydesk::eight_bytes;

namespace {

// The top bits of the bytes of `eight` for which test(byte) holds: what each test must give.
template <typename Test>
std::uint64_t marked_one_by_one(std::uint64_t eight, Test test) {
  std::uint64_t marked = 0;
  for (int k = 0; k < 8; ++k)
    if (test(static_cast<unsigned char>(eight >> (8 * k)))) marked |= std::uint64_t{0x80} << (8 * k);
  return marked;
}

}  // namespace

TEST_CASE("eight-byte tests mark the bytes a byte-by-byte test marks", "[eight_bytes]") {
  // Every byte value in every place, among neighbours that would carry or borrow into it.
  std::mt19937_64 random(7);
  for (unsigned value = 0; value < 256; ++value)
    for (int place = 0; place < 8; ++place) {
      const std::uint64_t neighbours = random() & (value % 2 == 0 ? ~std::uint64_t{0} : 0x7F7F7F7F7F7F7F7FULL);
      const std::uint64_t eight = (neighbours & ~(std::uint64_t{0xFF} << (8 * place))) | (std::uint64_t{value} << (8 * place));
      INFO(value << " at " << place << " in " << eight);
      REQUIRE(eb::equal_to(eight, '\n') == marked_one_by_one(eight, [](unsigned char c) { return c == '\n'; }));
      REQUIRE(eb::equal_to(eight, 0xE2) == marked_one_by_one(eight, [](unsigned char c) { return c == 0xE2; }));
      REQUIRE(eb::continuation(eight) == marked_one_by_one(eight, [](unsigned char c) { return (c & 0xC0) == 0x80; }));
      REQUIRE(eb::above_ascii(eight) == marked_one_by_one(eight, [](unsigned char c) { return c >= 0x80; }));
      const std::uint64_t ascii = eight & 0x7F7F7F7F7F7F7F7FULL;  // within() reads ASCII only
      REQUIRE(eb::within(ascii, 'A', 'Z') == marked_one_by_one(ascii, [](unsigned char c) { return c >= 'A' && c <= 'Z'; }));
      REQUIRE(eb::within(ascii, '.', '.') == marked_one_by_one(ascii, [](unsigned char c) { return c == '.'; }));
      const std::uint64_t marked = eb::continuation(eight);
      REQUIRE(eb::count(marked) == std::popcount(marked));
      if (marked != 0) REQUIRE(eb::first(marked) == std::countr_zero(marked) / 8);
    }
}

TEST_CASE("load_part keeps the bytes asked for and reads nothing past the text", "[eight_bytes]") {
  const std::string text = "abcdefghij";
  CHECK(eb::load_part(text, 0, 8) == eb::load(text.data()));
  CHECK(eb::load_part(text, 0, 3) == ('a' | ('b' << 8) | ('c' << 16)));
  // The last bytes: fewer than eight are left, read one by one.
  CHECK(eb::load_part(text, 8, 2) == ('i' | ('j' << 8)));
  CHECK(eb::load_part(text, 5, 5) == eb::load_part(std::string(text) + "xyzxyz", 5, 5));
}
