// Front matter: the YAML (---) or TOML (+++) block a static site generator reads at the
// top of a Markdown article. It is metadata, not prose, except the fields an editor
// writes (title, description...), which are found at their exact byte offsets.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "source/source.hpp"

namespace copydesk {

struct FrontMatter {
  std::size_t end = 0;             // bytes the block takes, closing line included; 0: none
  std::vector<TextSpan> fields;    // the values of the prose fields, in the source's bytes
};

// The front matter at the start of `text`, with the values of the named top-level
// fields. A value that cannot be placed byte for byte (escapes, a folded block scalar)
// is left out rather than placed approximately.
FrontMatter find_front_matter(std::string_view text, const std::vector<std::string>& prose_fields);

}  // namespace copydesk
