// Compiles the shipped rule packs into the form a run reads instead of their YAML
// (rules.bin; see lint/config/compiled_rules.hpp), at build time.
//
// usage: build_rules RULE_DIR OUTPUT
#include <iostream>

#include "config/compiled_rules.hpp"
#include "copydesk/copydesk.hpp"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: build_rules RULE_DIR OUTPUT\n";
    return 2;
  }
  try {
    copydesk::write_file_atomically(argv[2], copydesk::compile_rule_dir(argv[1]));
  } catch (const std::exception& e) {
    std::cerr << "build_rules: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
