// What the punctuation checks share: telling real spaces from blanked markup and
// addresses from prose.
#pragma once
#include <cstddef>

#include "document/document.hpp"

namespace copydesk::punctuation {

// Whether [begin, end) is spaces or tabs in the source itself: bytes of Markdown or HTML
// markup are blanked to spaces in the prose, and those are not spaces a writer typed.
bool typed_spaces(const Document& doc, std::size_t begin, std::size_t end);

// Whether offset lies inside a URL, e-mail address or handle token.
bool in_address(const Document& doc, std::size_t offset);

}  // namespace copydesk::punctuation
