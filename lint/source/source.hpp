// The bytes of one input as read, checked as UTF-8, with a line/column index.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "copydesk/format.hpp"

namespace copydesk {

struct Position {
  std::size_t line = 1;    // 1-based
  std::size_t column = 1;  // 1-based, in Unicode code points
};

// A byte range of the input.
struct TextSpan {
  std::size_t offset = 0;
  std::size_t length = 0;
};

// A byte range of the input that is not valid UTF-8.
struct InvalidRange {
  std::size_t offset;
  std::size_t length;
};

class Source {
 public:
  Source(std::string path, std::string bytes, Format format = Format::Plain);

  const std::string& path() const { return path_; }
  const std::string& bytes() const { return repaired_ ? bytes_ : valid_; }
  Format format() const { return format_; }
  const std::vector<InvalidRange>& invalid_utf8() const { return invalid_; }

  // The bytes with every invalid UTF-8 byte (and a leading byte-order mark) replaced by
  // a space and a lone carriage return by a line feed: same length, so every offset into
  // it is an offset into the original.
  const std::string& valid_text() const { return valid_; }

  // Line and column of a byte offset; a leading byte-order mark takes no column, as in
  // editors.
  Position position(std::size_t offset) const;
  // The valid text of a line, without its line break.
  std::string_view line_text(std::size_t line) const;
  // Byte offset where a 1-based line starts (reviewdog counts columns in bytes from it).
  std::size_t line_start(std::size_t line) const;
  std::size_t line_count() const { return line_starts_.size(); }

 private:
  std::string path_;
  std::string bytes_;  // as read, kept only when valid_ differs from it
  std::string valid_;
  bool repaired_ = false;
  Format format_;
  std::vector<InvalidRange> invalid_;
  std::vector<std::size_t> line_starts_;
  // Code points before every kCheckpoint-th byte, so a column is found in bounded time
  // even on a megabyte-long line.
  static constexpr std::size_t kCheckpoint = 4096;
  std::vector<std::size_t> code_points_before_;
  std::size_t bom_ = 0;  // bytes of a leading byte-order mark
  std::size_t code_points_until(std::size_t offset) const;
};

// Plain, Markdown or HTML, from the file name's ending.
Format format_for_path(std::string_view path);

// Whether bytes look like a binary file rather than text (a NUL byte).
bool looks_binary(std::string_view bytes);

// Whether bytes begin with a UTF-16 byte-order mark (either byte order).
bool has_utf16_bom(std::string_view bytes);
// UTF-16 text with a byte-order mark converted to UTF-8 (ICU), the mark dropped and
// unpaired surrogates made U+FFFD; nothing for any other bytes. Offsets into the result
// are UTF-8 byte offsets, not offsets into the file; lines and columns (code points)
// are the same in both.
std::optional<std::string> decode_utf16(std::string_view bytes);

}  // namespace copydesk
