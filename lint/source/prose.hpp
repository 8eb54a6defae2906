// Prose extraction: the text a reader sees, at the same byte offsets as the source.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "source/source.hpp"

namespace copydesk {

struct Prose {
  // As long as the source's valid text; every byte that is not prose (Markdown syntax,
  // HTML tags, code) is blanked to a space, line breaks kept. Offsets need no map back.
  std::string text;
  // Offsets where the markup starts a new block (heading, list item, paragraph), which
  // the text alone may not show as a blank line.
  std::vector<std::size_t> block_starts;
};

Prose extract_prose(const Source& source);

}  // namespace copydesk
