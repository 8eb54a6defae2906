// The bytes of one input as read, checked as UTF-8, with a line/column index.
#pragma once
#include <cstddef>
#include <memory>
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

class FileMapping;

class Source {
 public:
  Source(std::string path, std::string bytes, Format format = Format::Plain);
  // A file mapped rather than read (long plain text; source/file_mapping.hpp): its pages
  // are read as they are checked and let go of (release()) once checked.
  Source(std::string path, std::shared_ptr<FileMapping> file, Format format = Format::Plain);
  ~Source();
  Source(const Source&) = delete;  // the views below point into the Source's own storage
  Source& operator=(const Source&) = delete;

  const std::string& path() const { return path_; }
  std::string_view bytes() const { return bytes_; }
  Format format() const { return format_; }
  const std::vector<InvalidRange>& invalid_utf8() const { return invalid_; }

  // The bytes with every invalid UTF-8 byte (and a leading byte-order mark) replaced by
  // a space and a lone carriage return by a line feed: same length, so every offset into
  // it is an offset into the original.
  std::string_view valid_text() const { return valid_; }

  // Line and column of a byte offset; a leading byte-order mark takes no column, as in
  // editors.
  Position position(std::size_t offset) const;
  // The valid text of a line, without its line break.
  std::string_view line_text(std::size_t line) const;
  // Byte offset where a 1-based line starts (reviewdog counts columns in bytes from it).
  std::size_t line_start(std::size_t line) const;
  std::size_t line_count() const { return line_starts_.size(); }

  // A mapped source: lets go of the pages of [offset, offset + length) until touched
  // again (nothing for a source read whole).
  void release(std::size_t offset, std::size_t length) const;
  // A mapped source: a private copy of the valid text that the caller may change (the
  // prose, blanked where it is not prose); null for a source read whole.
  std::shared_ptr<FileMapping> valid_copy() const;
  // A mapped source: the mapping that valid_text() views; null for a source read whole.
  std::shared_ptr<const FileMapping> valid_mapping() const { return valid_file_ ? valid_file_ : file_; }
  // Throws InputError when a mapped file was truncated or written while it was checked,
  // so that nothing is reported from text that is no longer the file's.
  void verify_unchanged() const;

 private:
  std::string path_;
  std::string bytes_read_;  // as read, kept only when valid_ differs from it
  std::string repaired_text_;
  std::shared_ptr<FileMapping> file_, valid_file_;  // a mapped source's bytes and repaired text
  std::string_view bytes_, valid_;
  Format format_;
  std::vector<InvalidRange> invalid_;
  std::vector<std::size_t> lone_crs_;  // carriage returns read as line feeds
  std::vector<std::size_t> line_starts_;
  // Code points before every kCheckpoint-th byte, so a column is found in bounded time
  // even on a megabyte-long line.
  static constexpr std::size_t kCheckpoint = 4096;
  std::vector<std::size_t> code_points_before_;
  std::size_t bom_ = 0;  // bytes of a leading byte-order mark
  std::size_t code_points_until(std::size_t offset) const;
  // What is not UTF-8, the byte-order mark and lone carriage returns, in bytes_.
  void find_repairs();
  // Writes those repairs with `fill(offset, length, byte)`.
  template <typename Fill>
  void repair(Fill fill) const;
  void index_lines();
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
