// Running the copydesk binary in a scratch folder, shared by the end-to-end tests.
#pragma once
#include <filesystem>
#include <string>

namespace e2e {

struct Run {
  int status;
  std::string out, err;
};

std::string slurp(const std::filesystem::path& p);
void write(const std::filesystem::path& p, const std::string& text);

// A scratch folder per test case, removed at the end.
struct Scratch {
  std::filesystem::path dir;
  Scratch();
  ~Scratch();
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;
};

// Runs the binary from the scratch folder with args (already shell-quoted), stdin text
// and, if given, environment assignments ("NAME=value ...") in front.
Run cli(const Scratch& s, const std::string& args, const std::string& input = "", const std::string& env = "");

// Runs a shell command from the scratch folder.
Run shell(const Scratch& s, const std::string& command);

inline const std::string kClean = "The minister addressed reporters on Wednesday.\n";
inline const std::string kTypo = "The minister adressed reporters on Wednesday.\n";

}  // namespace e2e
