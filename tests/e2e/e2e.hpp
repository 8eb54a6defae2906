// What the end-to-end tests share: a scratch folder per case, files written into it, and
// the copydesk binary run there.
#pragma once
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace fs = std::filesystem;

namespace e2e {

struct Run {
  int status;
  std::string out, err;
};

inline std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline void write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

// A scratch folder per test case, removed at the end.
struct Scratch {
  fs::path dir;
  Scratch() {
    dir = fs::temp_directory_path() / ("copydesk-e2e-" + std::to_string(::getpid()) + "-" + std::to_string(counter()++));
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  ~Scratch() { fs::remove_all(dir); }
  static int& counter() {
    static int n = 0;
    return n;
  }
};

// Runs the binary from `cwd` with args (already shell-quoted) and stdin text.
inline Run copydesk(const Scratch& s, const std::string& args, const std::string& input = "") {
  write(s.dir / ".in", input);
  const std::string cmd = "cd '" + s.dir.string() + "' && NO_COLOR=1 '" + COPYDESK_BINARY + "' " + args + " < .in > .out 2> .err";
  const int raw = std::system(cmd.c_str());
  return {WIFEXITED(raw) ? WEXITSTATUS(raw) : -1, slurp(s.dir / ".out"), slurp(s.dir / ".err")};
}

}  // namespace e2e
