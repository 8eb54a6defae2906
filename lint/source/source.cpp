#include "source/source.hpp"

#include "copydesk/error.hpp"
#include "base/eight_bytes.hpp"
#include "base/text.hpp"
#include "source/file_mapping.hpp"

#include <algorithm>
#include <cstring>
#include <fmt/format.h>
#include <unicode/ucnv.h>
#include <unicode/utf8.h>

namespace copydesk {

namespace {

// Calls `scan(begin, end)` over consecutive blocks of [0, size), letting go of each
// once scanned.
template <typename Scan>
void scan_blocks(const Source& source, std::size_t size, Scan scan) {
  for (std::size_t begin = 0; begin < size; begin += kReleaseBlock) {
    const std::size_t end = std::min(size, begin + kReleaseBlock);
    scan(begin, end);
    source.release(begin, end - begin);
  }
}

// The bytes of `text` a test marks: eight at a time (`marks`, see base/eight_bytes.hpp),
// the last few one by one (`holds`). A byte loop counting into a std::size_t cost about
// seven instructions a byte.
template <typename Marks, typename Holds>
std::size_t count_in(std::string_view text, Marks marks, Holds holds) {
  std::size_t counted = 0, at = 0;
  for (; at + 8 <= text.size(); at += 8) counted += static_cast<std::size_t>(eight_bytes::count(marks(eight_bytes::load(text.data() + at))));
  for (; at < text.size(); ++at) counted += holds(static_cast<unsigned char>(text[at]));
  return counted;
}

std::size_t line_feeds_in(std::string_view text) {
  return count_in(text, [](std::uint64_t eight) { return eight_bytes::equal_to(eight, '\n'); },
                  [](unsigned char c) { return c == '\n'; });
}

// Code points in the text: every byte that does not continue a sequence (10xxxxxx)
// starts one.
std::size_t code_points_in(std::string_view text) {
  return text.size() - count_in(text, eight_bytes::continuation, [](unsigned char c) { return (c & 0xC0) == 0x80; });
}

}  // namespace

Source::Source(std::string path, std::string bytes, Format format) : path_(std::move(path)), format_(format) {
  bytes_read_ = std::move(bytes);
  bytes_ = bytes_read_;
  find_repairs();
  if (invalid_.empty() && bom_ == 0 && lone_crs_.empty()) {
    // Most inputs need no repair: then the bytes as read are the valid text, kept once.
    repaired_text_ = std::move(bytes_read_);
    bytes_ = repaired_text_;
  } else {
    repaired_text_ = bytes_read_;
    repair([this](std::size_t offset, std::size_t length, char c) {
      std::fill_n(repaired_text_.begin() + static_cast<std::ptrdiff_t>(offset), length, c);
    });
  }
  valid_ = repaired_text_;
  index_lines();
}

Source::Source(std::string path, std::shared_ptr<FileMapping> file, Format format)
    : path_(std::move(path)), file_(std::move(file)), format_(format) {
  bytes_ = valid_ = file_->view();
  find_repairs();
  if (!invalid_.empty() || bom_ != 0 || !lone_crs_.empty()) {
    valid_file_ = valid_copy();
    if (!valid_file_) throw InputError(fmt::format("{}: cannot be read (mapping)", path_));
    valid_ = valid_file_->view();
  }
  index_lines();
}

Source::~Source() = default;

void Source::find_repairs() {
  const auto* s = reinterpret_cast<const uint8_t*>(bytes_.data());
  const std::size_t n = bytes_.size();
  std::size_t i = 0;
  scan_blocks(*this, n, [&](std::size_t, std::size_t end) {
    while (i < end) {
      // Most text is ASCII, which needs no decoding.
      i = first_non_ascii(std::string_view(bytes_).substr(0, end), i);
      if (i >= end) break;
      const std::size_t start = i;
      UChar32 c;
      U8_NEXT(s, i, n, c);
      if (c < 0) {
        // Merge adjacent bad bytes into one range: one finding per broken sequence.
        if (!invalid_.empty() && invalid_.back().offset + invalid_.back().length == start)
          invalid_.back().length += i - start;
        else
          invalid_.push_back({start, i - start});
      }
    }
  });
  bom_ = bytes_.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  // A carriage return alone (old Mac files) ends a line as LF and CRLF do: read as LF,
  // it keeps the byte offsets and gives the Document its paragraphs.
  scan_blocks(*this, n, [&](std::size_t begin, std::size_t end) {
    const std::string_view upto = bytes_.substr(0, end);  // no search past the block
    for (std::size_t at = upto.find('\r', begin); at != std::string_view::npos; at = upto.find('\r', at + 1))
      if (at + 1 == n || bytes_[at + 1] != '\n') lone_crs_.push_back(at);
  });
}

template <typename Fill>
void Source::repair(Fill fill) const {
  for (const InvalidRange& r : invalid_) fill(r.offset, r.length, ' ');
  if (bom_ != 0) fill(0, bom_, ' ');
  for (std::size_t at : lone_crs_) fill(at, 1, '\n');
}

void Source::index_lines() {
  const std::string_view text = valid_;
  // Counted first, so that the index is allocated once at its size.
  std::size_t lines = 1;
  scan_blocks(*this, text.size(), [&](std::size_t begin, std::size_t end) {
    lines += line_feeds_in(text.substr(begin, end - begin));
  });
  line_starts_.reserve(lines);
  line_starts_.push_back(0);
  code_points_before_.reserve(text.size() / kCheckpoint + 1);
  std::size_t points = 0;
  scan_blocks(*this, text.size(), [&](std::size_t begin, std::size_t end) {
    const std::string_view upto = text.substr(0, end);  // no search past the block
    for (std::size_t i = upto.find('\n', begin); i != std::string_view::npos; i = upto.find('\n', i + 1))
      line_starts_.push_back(i + 1);
    static_assert(kReleaseBlock % kCheckpoint == 0, "checkpoints fall inside one block");
    for (std::size_t block = begin; block < end; block += kCheckpoint) {
      code_points_before_.push_back(points);
      points += code_points_in(text.substr(block, kCheckpoint));
    }
  });
}

void Source::release(std::size_t offset, std::size_t length) const {
  if (file_) file_->release(offset, length);
  if (valid_file_) valid_file_->release(offset, length);
}

std::shared_ptr<FileMapping> Source::valid_copy() const {
  if (!file_) return nullptr;
  std::shared_ptr<FileMapping> copy = file_->copy();
  if (copy) repair([&](std::size_t offset, std::size_t length, char c) { copy->fill(offset, length, c); });
  return copy;
}

void Source::verify_unchanged() const {
  if (file_ && file_->changed())
    throw InputError(fmt::format("{}: changed while it was checked (truncated or written); check it again", path_));
}

std::size_t Source::code_points_until(std::size_t offset) const {
  if (offset == 0 || code_points_before_.empty()) return 0;
  const std::size_t block = std::min(offset / kCheckpoint, code_points_before_.size() - 1);
  const std::size_t from = block * kCheckpoint;
  return code_points_before_[block] + code_points_in(std::string_view(valid_).substr(from, offset - from));
}

Position Source::position(std::size_t offset) const {
  offset = std::min(offset, valid_.size());
  const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const std::size_t line = static_cast<std::size_t>(it - line_starts_.begin());
  // Columns count code points: from the line's start when it is near (most lines are
  // shorter than the checkpoints' spacing, and counting from checkpoints reads up to two
  // of those spans), else from the checkpoints.
  const std::size_t start = std::max(line_starts_[line - 1], std::min(bom_, offset));
  const bool near = offset - start <= kCheckpoint;
  const std::size_t points = near ? code_points_in(std::string_view(valid_).substr(start, offset - start))
                                  : code_points_until(offset) - code_points_until(start);
  // Reports ask for the place of every finding, long after its section was checked.
  const std::size_t counted_from = near ? start : std::min(start, offset / kCheckpoint * kCheckpoint);
  release(counted_from, offset - counted_from);
  return {line, 1 + points};
}

std::string_view Source::line_text(std::size_t line) const {
  if (line == 0 || line > line_starts_.size()) return {};
  const std::size_t start = line == 1 ? bom_ : line_starts_[line - 1];
  std::size_t end = line < line_starts_.size() ? line_starts_[line] - 1 : valid_.size();
  if (end > start && valid_[end - 1] == '\r') --end;
  return std::string_view(valid_).substr(start, end - start);
}

std::size_t Source::line_start(std::size_t line) const {
  return line_starts_[std::clamp<std::size_t>(line, 1, line_starts_.size()) - 1];
}

Format format_for_path(std::string_view path) {
  auto ends_with = [&](std::string_view suffix) {
    if (path.size() < suffix.size()) return false;
    return std::equal(suffix.rbegin(), suffix.rend(), path.rbegin(),
                      [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); });
  };
  if (ends_with(".md") || ends_with(".markdown")) return Format::Markdown;
  if (ends_with(".html") || ends_with(".htm")) return Format::Html;
  return Format::Plain;
}

bool looks_binary(std::string_view bytes) { return bytes.find('\0') != std::string_view::npos; }

bool has_utf16_bom(std::string_view bytes) {
  return bytes.rfind("\xFF\xFE", 0) == 0 || bytes.rfind("\xFE\xFF", 0) == 0;
}

std::optional<std::string> decode_utf16(std::string_view bytes) {
  if (!has_utf16_bom(bytes)) return std::nullopt;
  // ICU's "UTF-16" converter reads the mark, takes its byte order and drops it.
  UErrorCode status = U_ZERO_ERROR;
  const int32_t in = static_cast<int32_t>(bytes.size());
  std::string out(static_cast<std::size_t>(in) / 2 * 3 + 4, '\0');
  const int32_t n = ucnv_convert("UTF-8", "UTF-16", out.data(), static_cast<int32_t>(out.size()), bytes.data(), in, &status);
  if (U_FAILURE(status)) return std::nullopt;
  out.resize(static_cast<std::size_t>(n));
  return out;
}

}  // namespace copydesk
