#include "source/source.hpp"

#include <algorithm>
#include <cstring>
#include <unicode/ucnv.h>
#include <unicode/utf8.h>

namespace copydesk {

Source::Source(std::string path, std::string bytes, Format format) : path_(std::move(path)), format_(format) {
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const int32_t n = static_cast<int32_t>(bytes.size());
  for (int32_t i = 0; i < n;) {
    // Most text is ASCII, which needs no decoding: skip it eight bytes at a time.
    for (std::uint64_t eight = 0; i + 8 <= n; i += 8) {
      std::memcpy(&eight, s + i, 8);
      if ((eight & 0x8080808080808080U) != 0) break;
    }
    if (i >= n) break;
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) {
      // Merge adjacent bad bytes into one range: one finding per broken sequence.
      if (!invalid_.empty() && invalid_.back().offset + invalid_.back().length == static_cast<std::size_t>(start))
        invalid_.back().length += i - start;
      else
        invalid_.push_back({static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)});
    }
  }
  bom_ = bytes.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
  // A carriage return alone (old Mac files) ends a line as LF and CRLF do: read as LF,
  // it keeps the byte offsets and gives the Document its paragraphs.
  const auto lone_cr = [&](std::size_t i) { return bytes[i] == '\r' && (i + 1 == bytes.size() || bytes[i + 1] != '\n'); };
  bool has_lone_cr = false;
  for (std::size_t i = bytes.find('\r'); i != std::string::npos && !has_lone_cr; i = bytes.find('\r', i + 1))
    has_lone_cr = lone_cr(i);
  // Most inputs need no repair: then the bytes as read are the valid text, kept once.
  repaired_ = !invalid_.empty() || bom_ != 0 || has_lone_cr;
  if (repaired_) {
    valid_ = bytes;
    for (const InvalidRange& r : invalid_) std::fill_n(valid_.begin() + static_cast<std::ptrdiff_t>(r.offset), r.length, ' ');
    valid_.replace(0, bom_, bom_, ' ');
    for (std::size_t i = 0; i < bytes.size(); ++i)
      if (lone_cr(i)) valid_[i] = '\n';
    bytes_ = std::move(bytes);
  } else {
    valid_ = std::move(bytes);
  }
  line_starts_.push_back(0);
  for (std::size_t i = valid_.find('\n'); i != std::string::npos; i = valid_.find('\n', i + 1)) line_starts_.push_back(i + 1);
  // A code point starts at every byte but a continuation byte (10xxxxxx); a block is
  // counted in one loop the compiler vectorizes.
  const std::string_view text = valid_;
  std::size_t points = 0;
  for (std::size_t block = 0; block < text.size(); block += kCheckpoint) {
    code_points_before_.push_back(points);
    const std::string_view part = text.substr(block, kCheckpoint);
    points += static_cast<std::size_t>(std::count_if(part.begin(), part.end(), [](char c) {
      return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
  }
}

std::size_t Source::code_points_until(std::size_t offset) const {
  if (offset == 0 || code_points_before_.empty()) return 0;
  const std::size_t block = std::min(offset / kCheckpoint, code_points_before_.size() - 1);
  std::size_t points = code_points_before_[block];
  for (std::size_t i = block * kCheckpoint; i < offset; ++i)
    if ((static_cast<unsigned char>(valid_[i]) & 0xC0) != 0x80) ++points;
  return points;
}

Position Source::position(std::size_t offset) const {
  offset = std::min(offset, valid_.size());
  const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const std::size_t line = static_cast<std::size_t>(it - line_starts_.begin());
  // Columns count code points: every byte that does not continue a sequence starts one.
  const std::size_t start = std::max(line_starts_[line - 1], std::min(bom_, offset));
  return {line, 1 + code_points_until(offset) - code_points_until(start)};
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
