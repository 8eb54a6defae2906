// What the punctuation checks share: telling real spaces from blanked markup and
// addresses from prose, and where the marks they look at stand.
#pragma once
#include <cstddef>
#include <vector>

#include "document/document.hpp"
#include "engine/check.hpp"

namespace copydesk::punctuation {

// Whether [begin, end) is spaces or tabs in the source itself: bytes of Markdown or HTML
// markup are blanked to spaces in the prose, and those are not spaces a writer typed.
bool typed_spaces(const Document& doc, std::size_t begin, std::size_t end);

// Whether offset lies inside a URL, e-mail address or handle token.
bool in_address(const Document& doc, std::size_t offset);

// The offsets of every , . ; : ? and ! in the prose, in order: found in one pass per
// document for the kinds that look at these marks (missing-space, space-before-
// punctuation, doubled-punctuation) instead of each scanning the whole text.
const std::vector<std::size_t>& mark_offsets(const Document& doc, const Resources& res);
// The same, computed afresh (what mark_offsets keeps).
std::vector<std::size_t> find_marks(std::string_view text);

}  // namespace copydesk::punctuation
