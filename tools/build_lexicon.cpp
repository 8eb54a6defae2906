// Compiles Debian's SCOWL word lists and the language model's word frequencies into
// lexicon.bin (see lint/spell/lexicon.hpp), so copydesk loads its lexicon in
// milliseconds instead of reading 14 MB of lists at every start.
//
// usage: build_lexicon OUTPUT
#include <iostream>

#include "copydesk/copydesk.hpp"
#include "lm/language_model.hpp"
#include "spell/lexicon.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: build_lexicon OUTPUT\n";
    return 2;
  }
  try {
    const copydesk::LanguageModel lm(copydesk::LanguageModel::system_path());
    const copydesk::Lexicon lexicon({{"/usr/share/dict/american-english-insane", copydesk::kAmerican},
                                     {"/usr/share/dict/british-english-insane", copydesk::kBritish}},
                                    &lm);
    if (lexicon.size() == 0) throw std::runtime_error("no word lists (install wamerican-insane and wbritish-insane)");
    copydesk::write_file_atomically(argv[1], lexicon.compiled());
  } catch (const std::exception& e) {
    std::cerr << "build_lexicon: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
