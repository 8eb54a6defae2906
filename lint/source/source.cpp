#include "source/source.hpp"

#include <algorithm>
#include <unicode/utf8.h>

namespace copydesk {

Source::Source(std::string path, std::string bytes, Format format)
    : path_(std::move(path)), bytes_(std::move(bytes)), format_(format) {
  valid_ = bytes_;
  const auto* s = reinterpret_cast<const uint8_t*>(bytes_.data());
  const int32_t n = static_cast<int32_t>(bytes_.size());
  for (int32_t i = 0; i < n;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) {
      // Merge adjacent bad bytes into one range: one finding per broken sequence.
      if (!invalid_.empty() && invalid_.back().offset + invalid_.back().length == static_cast<std::size_t>(start))
        invalid_.back().length += i - start;
      else
        invalid_.push_back({static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)});
      for (int32_t k = start; k < i; ++k) valid_[k] = ' ';
    }
  }
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < bytes_.size(); ++i)
    if (bytes_[i] == '\n') line_starts_.push_back(i + 1);
}

Position Source::position(std::size_t offset) const {
  offset = std::min(offset, bytes_.size());
  const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const std::size_t line = static_cast<std::size_t>(it - line_starts_.begin());
  const std::size_t start = line_starts_[line - 1];
  std::size_t column = 1;
  // Columns count code points: every byte that does not continue a sequence starts one.
  for (std::size_t i = start; i < offset; ++i)
    if ((static_cast<unsigned char>(valid_[i]) & 0xC0) != 0x80) ++column;
  return {line, column};
}

std::string_view Source::line_text(std::size_t line) const {
  if (line == 0 || line > line_starts_.size()) return {};
  const std::size_t start = line_starts_[line - 1];
  std::size_t end = line < line_starts_.size() ? line_starts_[line] - 1 : bytes_.size();
  if (end > start && bytes_[end - 1] == '\r') --end;
  return std::string_view(bytes_).substr(start, end - start);
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

}  // namespace copydesk
