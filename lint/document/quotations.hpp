// The quotation model of a Document: every quotation mark paired once, with its role.
// Checks of punctuation report on the marks; checks of sentences ask whether a token
// is quoted (Token::in_quote), which follows from the same pairing.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace copydesk {

class Document;

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
  std::uint32_t token = 0;         // index into Document::tokens()
  bool double_mark = true;         // “ ” " rather than ‘ ’ '
  QuoteRole role = QuoteRole::Unknown;
};

// Every quotation mark or apostrophe token of the document, in order, with its role.
// A quotation that runs over several paragraphs leaves each earlier one unclosed and
// reopens the next with an opening mark: those earlier marks count as Opening.
// Needs the document's tokens, sentences and paragraphs, not its quotation model.
std::vector<QuoteMark> pair_quotation_marks(const Document& doc);

}  // namespace copydesk
