// Long inputs are checked a section at a time, so that the memory a check needs (tokens,
// sentences, what the checks index) stays that of one section, whatever the input's size.
// A section ends at a paragraph break, and is far longer than any article, so an
// article is checked whole; an archive file of many articles is checked in pieces.
#pragma once
#include <cstddef>
#include <string_view>
#include <vector>

#include "source/prose.hpp"

namespace copydesk {

// About 22,000 words of news: longer than any article.
constexpr std::size_t kSectionBytes = 128 * 1024;

// Consecutive ranges covering the prose, each holding about `target` bytes of text
// (blanked markup and spaces do not count): a cut falls at the first paragraph break
// (blank line) after the target, else at a block the markup starts, else at a line
// break, else after a full stop, else before a word, looking no further than half a
// section on, else at a character boundary. One range when the text is no longer than
// `target` (or `target` is 0). Lets go of a mapped prose's pages behind it.
std::vector<TextSpan> split_sections(const Prose& prose, std::size_t target);

// The part of `prose` in `section`, at offsets from the section's start.
Prose prose_section(const Prose& prose, TextSpan section);

}  // namespace copydesk
