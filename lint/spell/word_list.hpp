// A word list a newsroom adds (--dict, `dictionaries:`): a Hunspell .dic (the number of
// entries on its first line, then one `word` or `word/FLAGS` a line) or a plain list
// (one word a line).
#pragma once
#include <string>
#include <vector>

namespace copydesk {

struct WordList {
  bool hunspell_format = false;     // a count line first: Hunspell reads the file itself
  std::vector<std::string> entries;  // one per line as written, without the count line
};

// Reads and checks a word list. Throws ConfigError saying file (and line and column) when
// it cannot be read, is not UTF-8 text, has a line that is not one word, or has no words.
WordList read_word_list(const std::string& path);

}  // namespace copydesk
