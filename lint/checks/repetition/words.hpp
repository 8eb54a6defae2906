// What the repetition kinds share: the words with their keys (fold_word), and the
// word-frequency list (checks/shared/word_frequency.hpp).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "document/document.hpp"
#include "checks/shared/word_frequency.hpp"

namespace copydesk::repetition {

using copydesk::WordFrequency;
using copydesk::kFrequencyListOption;

// The document's words in order, with their keys: many checks walk them.
struct Word {
  std::uint32_t token;  // index into Document::tokens()
  std::string key;
};
std::vector<Word> words_of(const Document& doc, std::uint32_t first_token, std::uint32_t last_token);
// Do the n words from a and from b read the same?
bool same_keys(const std::vector<Word>& words, std::size_t a, std::size_t b, std::size_t n);

// A paragraph that is a headline or a list item: its wording is parallel by design.
bool is_heading_or_item(const Document& doc, const Paragraph& p);

}  // namespace copydesk::repetition
