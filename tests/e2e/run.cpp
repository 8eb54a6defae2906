#include "e2e/run.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace e2e {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

Scratch::Scratch() {
  static int counter = 0;
  dir = fs::temp_directory_path() / ("copydesk-e2e-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  fs::remove_all(dir);
  fs::create_directories(dir);
}

// A test may leave a folder unreadable (bad paths); it is made readable to be removed.
Scratch::~Scratch() {
  std::error_code ec;
  fs::permissions(dir, fs::perms::owner_all, fs::perm_options::add, ec);
  fs::remove_all(dir, ec);
}

Run shell(const Scratch& s, const std::string& command) {
  const std::string cmd = "cd '" + s.dir.string() + "' && " + command + " < .in > .out 2> .err";
  const int raw = std::system(cmd.c_str());
  return {WIFEXITED(raw) ? WEXITSTATUS(raw) : -1, slurp(s.dir / ".out"), slurp(s.dir / ".err")};
}

Run cli(const Scratch& s, const std::string& args, const std::string& input, const std::string& env) {
  write(s.dir / ".in", input);
  return shell(s, "NO_COLOR=1 " + env + (env.empty() ? "" : " ") + "'" + COPYDESK_BINARY + "' " + args);
}

}  // namespace e2e
