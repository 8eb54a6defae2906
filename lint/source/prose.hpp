// Prose extraction: the text a reader sees, at the same byte offsets as the source.
#pragma once
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "source/file_mapping.hpp"
#include "source/front_matter.hpp"
#include "source/source.hpp"
#include "source/suppression.hpp"

namespace copydesk {

struct Prose {
  // As long as the source's valid text; every byte that is not prose (Markdown syntax,
  // HTML tags, code) is blanked to a space, line breaks kept. Offsets need no map back.
  // Empty for a mapped source's plain text, which `mapped` holds instead.
  std::string text;
  std::shared_ptr<const FileMapping> mapped;
  std::string_view view() const { return mapped ? mapped->view() : std::string_view(text); }
  // Lets go of the mapped pages of [offset, offset + length) until touched again.
  void release(std::size_t offset, std::size_t length) const {
    if (mapped) mapped->release(offset, length);
  }
  // Offsets where the markup starts a new block (heading, list item, paragraph), which
  // the text alone may not show as a blank line.
  std::vector<std::size_t> block_starts;
  // Character references ("&ldquo;"): the prose holds the character they stand for,
  // and a finding that touches one must cover all of it. In order of offset.
  std::vector<TextSpan> references;
  // The suppression comments, in order.
  std::vector<Suppression> suppressions;
  // HTML whose elements nest deeper than ProseOptions::max_nesting: the start tag that
  // went past the limit. Its text is then read between the tags, without the parser.
  std::optional<TextSpan> too_deep;
};

struct ProseOptions {
  // The front-matter fields read as prose; every other field is metadata.
  std::vector<std::string> front_matter_fields = {"title", "description", "summary", "subtitle"};
  // How deeply HTML elements may nest before the parser is left out: gumbo builds its
  // tree in time quadratic in the depth (100,000 nested <div> took 17 s), and no article
  // nests a thousand deep.
  std::size_t max_nesting = 1000;
};

Prose extract_prose(const Source& source, const ProseOptions& options = {});

}  // namespace copydesk
