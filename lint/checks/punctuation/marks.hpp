// What the punctuation checks share: telling real spaces from blanked markup, and
// pairing quotation marks once for every check.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "document/document.hpp"

namespace copydesk::punctuation {

// Whether [begin, end) is spaces or tabs in the source itself: bytes of Markdown or HTML
// markup are blanked to spaces in the prose, and those are not spaces a writer typed.
bool typed_spaces(const Document& doc, std::size_t begin, std::size_t end);

// Whether offset lies inside a URL, e-mail address or handle token.
bool in_address(const Document& doc, std::size_t offset);

enum class QuoteRole {
  Opening,     // opens a quotation that is closed, or continued in the next paragraph
  Closing,     // closes one
  Apostrophe,  // ’90s, the States’, rock ’n’ roll: not a quotation mark
  Unclosed,    // opens a quotation that is never closed
  Stray,       // a closing mark with no quotation open
  Unknown      // a straight mark in a paragraph where inch marks make pairing unsafe
};

struct QuoteMark {
  std::size_t begin = 0, end = 0;  // byte range of the mark
  bool double_mark = true;         // “ ” " rather than ‘ ’ '
  QuoteRole role = QuoteRole::Unknown;
};

// Every quotation mark or apostrophe token of the document, in order, with its role.
// A quotation that runs over several paragraphs leaves each earlier one unclosed and
// reopens the next with an opening mark: those earlier marks count as Opening.
std::vector<QuoteMark> quote_marks(const Document& doc);

}  // namespace copydesk::punctuation
