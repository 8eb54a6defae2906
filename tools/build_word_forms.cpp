// Compiles the spellings a Hunspell dictionary and copydesk's word lists accept into
// word-forms.<language>.bin and its digit dictionary (see lint/spell/word_forms.hpp), so
// that a run answers most look-ups without opening Hunspell.
//
// usage: build_word_forms OUTPUT AFF DIC [WORD_LIST...]
// The forms of each .dic (and of its roots Hunspell keeps capitalized) come from
// Hunspell's own `unmunch` (Debian's hunspell-tools); a plain word list's words are their
// own forms.
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>

#include "copydesk/copydesk.hpp"
#include "spell/speller.hpp"
#include "spell/word_forms.hpp"
#include "spell/word_list.hpp"

namespace {

// unmunch's listing of every form of the dictionary's roots.
void append_unmunched(const std::string& dic, const std::string& aff, std::vector<std::string>& forms) {
  for (const std::string& path : {dic, aff})
    if (path.find('\'') != std::string::npos) throw std::runtime_error(path + ": a quote in the path");
  const std::string command = "unmunch '" + dic + "' '" + aff + "' 2>/dev/null";
  const std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  if (!pipe) throw std::runtime_error("cannot run unmunch (install hunspell-tools)");
  std::string line;
  for (int c; (c = std::fgetc(pipe.get())) != EOF;) {
    if (c != '\n') {
      line.push_back(static_cast<char>(c));
      continue;
    }
    forms.push_back(line);
    line.clear();
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::cerr << "usage: build_word_forms OUTPUT AFF DIC [WORD_LIST...]\n";
    return 2;
  }
  try {
    const std::string output = argv[1];
    const std::vector<std::string> files(argv + 2, argv + argc);
    std::vector<std::string> forms;
    append_unmunched(files[1], files[0], forms);
    if (forms.empty()) throw std::runtime_error("unmunch listed no forms of " + files[1] + " (install hunspell-tools)");
    for (std::size_t i = 2; i < files.size(); ++i) {
      const copydesk::WordList list = copydesk::read_word_list(files[i]);
      if (list.hunspell_format) append_unmunched(files[i], files[0], forms);
      else forms.insert(forms.end(), list.entries.begin(), list.entries.end());
    }
    const std::string capitalized = output + ".capitalized.dic";
    copydesk::write_file_atomically(capitalized, copydesk::WordForms::capitalized_roots(files));
    append_unmunched(capitalized, files[0], forms);
    std::filesystem::remove(capitalized);
    // The verdicts of the Speller a run would open with these files.
    const copydesk::Speller speller(files[0], files[1], {files.begin() + 2, files.end()});
    const auto compiled = copydesk::WordForms::compile(files, forms, [&](const std::string& w) { return speller.known(w); });
    copydesk::write_file_atomically(copydesk::WordForms::digit_dictionary_path(output), compiled.digit_dictionary);
    copydesk::write_file_atomically(output, compiled.forms);
  } catch (const std::exception& e) {
    std::cerr << "build_word_forms: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
