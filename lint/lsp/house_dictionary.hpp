// The newsroom's own word list (the first `dictionaries:` entry of .copydesk.yaml), which
// "add to the house dictionary" writes.
#pragma once
#include <filesystem>
#include <string_view>

namespace copydesk::lsp {

// Whether a text is one word a word list can hold: no spaces, no Hunspell affix flags.
bool listable_word(std::string_view text);

// Adds a word to a Hunspell .dic list: the word count on its first line kept right, the
// file replaced whole so an interrupted write loses nothing. False when the word is
// already listed. Throws InputError when the list cannot be written.
bool add_to_word_list(const std::filesystem::path& list, std::string_view word);

}  // namespace copydesk::lsp
