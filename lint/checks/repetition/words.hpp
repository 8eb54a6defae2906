// What the repetition kinds share: the document's words with their keys, counted once
// per document for all of them (checks/shared/document_words.hpp), and the word-frequency
// list (checks/shared/word_frequency.hpp).
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "document/document.hpp"
#include "checks/shared/document_words.hpp"
#include "checks/shared/word_frequency.hpp"

namespace copydesk::repetition {

using copydesk::WordFrequency;
using copydesk::kFrequencyListOption;

using copydesk::DocumentWords;
using copydesk::Word;

// Do the n words from a and from b read the same? Inline: the kinds ask it of nearly
// every word, and the first ids differ almost always.
inline bool same_keys(std::span<const Word> words, std::size_t a, std::size_t b, std::size_t n) {
  for (std::size_t k = 0; k < n; ++k)
    if (words[a + k].id != words[b + k].id) return false;
  return true;
}

// A paragraph that is a headline or a list item: its wording is parallel by design.
bool is_heading_or_item(const Document& doc, const Paragraph& p);

}  // namespace copydesk::repetition
