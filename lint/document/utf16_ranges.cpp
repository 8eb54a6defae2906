#include "document/utf16_ranges.hpp"

#include <algorithm>
#include <cstdint>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include "base/text.hpp"

namespace copydesk {

Utf16Ranges::Utf16Ranges(std::string_view text, const std::vector<std::pair<std::size_t, std::size_t>>& ranges) {
  starts_.reserve(ranges.size() + 1);
  starts_.push_back(0);
  std::size_t bytes = 0;
  for (auto [begin, end] : ranges) bytes += end - begin;
  // A code point takes no more UTF-16 units than UTF-8 bytes.
  units_.resize(bytes);
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  std::size_t total = 0;
  for (auto [begin, end] : ranges) {
    char16_t* out = units_.data() + total;
    int32_t used = 0;
    // The rest ICU's macros decode, as Utf8Offsets reads it back; their indexes are 32-bit,
    // so they count from the range's start, not the text's.
    const uint8_t* range = s + begin;
    const std::string_view range_text = text.substr(begin, end - begin);
    const auto stop = static_cast<int32_t>(end - begin);
    for (int32_t i = 0; i < stop;) {
      if (range[i] < 0x80) {
        // A run of ASCII, nearly all of a text, widened at once.
        const auto run = static_cast<int32_t>(first_non_ascii(range_text, static_cast<std::size_t>(i)));
        std::copy(range + i, range + run, out + used);
        used += run - i;
        i = run;
        continue;
      }
      UChar32 c;
      U8_NEXT(range, i, stop, c);
      if (c < 0) c = 0xFFFD;
      U16_APPEND_UNSAFE(out, used, c);
    }
    total += static_cast<std::size_t>(used);
    starts_.push_back(total);
  }
  units_.resize(total);
}

void Utf16Ranges::replace(std::size_t i, char16_t from, char16_t to) {
  std::replace(units_.begin() + static_cast<std::ptrdiff_t>(starts_[i]),
               units_.begin() + static_cast<std::ptrdiff_t>(starts_[i + 1]), from, to);
}

Utf8Offsets::Utf8Offsets(std::string_view text) : text_(text), ascii_end_(first_non_ascii(text, 0)) {}

void Utf8Offsets::pass_non_ascii() {
  unit_ += ascii_end_ - byte_;
  auto i = static_cast<int32_t>(ascii_end_);
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(text_.data()), i, static_cast<int32_t>(text_.size()), c);
  byte_ = static_cast<std::size_t>(i);
  unit_ += c < 0 ? 1 : U16_LENGTH(c);
  ascii_end_ = first_non_ascii(text_, byte_);
}

}  // namespace copydesk
