// UTF-8 ranges read by ICU's break iterators in UTF-16, and their boundaries mapped back.
// A break iterator walks a UTF-16 text in place; through a UTF-8 UText it converts chunk
// by chunk and maps every index, which costs more than the segmentation itself.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace copydesk {

// Byte ranges of one UTF-8 text, each converted to UTF-16 once, one after the other in
// one buffer. An ill-formed sequence reads as one U+FFFD, as ICU's UTF-8 UText reads it
// (and as Utf8Offsets counts it).
class Utf16Ranges {
 public:
  Utf16Ranges(std::string_view text, const std::vector<std::pair<std::size_t, std::size_t>>& ranges);

  std::size_t size() const { return starts_.size() - 1; }
  std::u16string_view range(std::size_t i) const {
    return std::u16string_view(units_).substr(starts_[i], starts_[i + 1] - starts_[i]);
  }
  // Replaces, within range i, every code unit `from` (one a byte in UTF-8 too) with `to`.
  void replace(std::size_t i, char16_t from, char16_t to);

 private:
  std::u16string units_;
  std::vector<std::size_t> starts_;  // where each range starts in units_, and the end
};

// The byte offsets in a UTF-8 text of indexes in its UTF-16 form, asked for in increasing
// order (as a break iterator gives boundaries): a walk forward that steps over each run
// of ASCII, which maps one to one, at once.
class Utf8Offsets {
 public:
  explicit Utf8Offsets(std::string_view text);
  // The byte offset where the code point at UTF-16 index `unit` starts; `unit` is a code
  // point boundary, not less than the one asked for before.
  std::size_t byte_at(std::size_t unit) {
    while (byte_ + (unit - unit_) > ascii_end_) pass_non_ascii();
    byte_ += unit - unit_;
    unit_ = unit;
    return byte_;
  }

 private:
  // Moves past the code point that ends the current ASCII run, and finds the next run's end.
  void pass_non_ascii();

  std::string_view text_;
  std::size_t byte_ = 0;
  std::size_t unit_ = 0;
  std::size_t ascii_end_;  // where the ASCII from byte_ on ends
};

}  // namespace copydesk
