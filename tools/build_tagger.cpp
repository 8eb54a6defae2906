// Compiles the tagger's model file into the form a run maps instead of parsing
// (en-pos.bin; see lint/tagger/perceptron.hpp), at build time.
//
// usage: build_tagger MODEL OUTPUT
#include <iostream>

#include "copydesk/copydesk.hpp"
#include "tagger/perceptron.hpp"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: build_tagger MODEL OUTPUT\n";
    return 2;
  }
  try {
    copydesk::write_file_atomically(argv[2], copydesk::tagger::PerceptronModel::read(argv[1]).compiled());
  } catch (const std::exception& e) {
    std::cerr << "build_tagger: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
