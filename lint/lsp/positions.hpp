// Byte offsets as LSP positions: 0-based lines and characters counted in the code units
// the client and server agreed on (UTF-16 unless the client offers UTF-8).
#pragma once
#include <compare>
#include <cstddef>
#include <string_view>
#include <vector>

namespace copydesk::lsp {

enum class PositionEncoding { Utf8, Utf16 };

struct LspPosition {
  std::size_t line = 0;
  std::size_t character = 0;
  auto operator<=>(const LspPosition&) const = default;
};

// Line starts of one text, found once; the text must outlive the map.
class PositionMap {
 public:
  PositionMap(std::string_view text, PositionEncoding encoding);
  LspPosition position(std::size_t offset) const;

 private:
  std::string_view text_;
  PositionEncoding encoding_;
  std::vector<std::size_t> line_starts_;  // after \n, \r\n or a lone \r, as LSP counts lines
};

}  // namespace copydesk::lsp
