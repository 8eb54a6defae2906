#include "lsp/positions.hpp"

#include <algorithm>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

namespace copydesk::lsp {

PositionMap::PositionMap(std::string_view text, PositionEncoding encoding) : text_(text), encoding_(encoding) {
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    if (text[i] == '\n' || text[i] == '\r') line_starts_.push_back(i + 1);
  }
}

LspPosition PositionMap::position(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  const auto after = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const std::size_t line = static_cast<std::size_t>(after - line_starts_.begin()) - 1;
  const std::size_t start = line_starts_[line];
  if (encoding_ == PositionEncoding::Utf8) return {line, offset - start};
  std::size_t units = 0;
  const auto* bytes = reinterpret_cast<const uint8_t*>(text_.data());
  const auto end = static_cast<int32_t>(offset);
  for (auto i = static_cast<int32_t>(start); i < end;) {
    UChar32 c;
    U8_NEXT(bytes, i, end, c);
    // An invalid byte is one replacement character to the client.
    units += c < 0 ? 1 : U16_LENGTH(c);
  }
  return {line, units};
}

}  // namespace copydesk::lsp
