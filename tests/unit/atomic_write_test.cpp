// write_file_atomically: the whole new content or the old file untouched.
#include <catch2/catch.hpp>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "copydesk/copydesk.hpp"

namespace fs = std::filesystem;

namespace {

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct Folder {
  fs::path dir = fs::temp_directory_path() / ("copydesk-atomic-" + std::to_string(::getpid()));
  Folder() { fs::create_directories(dir); }
  ~Folder() { fs::remove_all(dir); }
  std::size_t entries() const { return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir), {})); }
};

}  // namespace

TEST_CASE("a file that changed since it was read is not written", "[fix]") {
  Folder f;
  const fs::path file = f.dir / "story.txt";
  std::ofstream(file) << "as read\n";
  const std::string read_then = "as read\n";
  std::ofstream(file) << "saved by an editor meanwhile\n";
  CHECK_THROWS_AS(copydesk::write_file_atomically(file, "fixed\n", &read_then), copydesk::InputError);
  CHECK(read(file) == "saved by an editor meanwhile\n");
  CHECK(f.entries() == 1);  // no temporary file left behind
  const std::string now = read(file);
  copydesk::write_file_atomically(file, "fixed\n", &now);
  CHECK(read(file) == "fixed\n");
}

TEST_CASE("a new file gets the umask's mode and an unwritable folder is an InputError", "[fix]") {
  Folder f;
  const fs::path file = f.dir / "report.sarif";
  copydesk::write_file_atomically(file, "{}\n");
  CHECK(read(file) == "{}\n");
  const mode_t mask = ::umask(0);
  ::umask(mask);
  CHECK((static_cast<unsigned>(fs::status(file).permissions()) & 0777) == (0666u & ~mask));
  CHECK_THROWS_AS(copydesk::write_file_atomically(f.dir / "no/such/folder.txt", "x"), copydesk::InputError);
}

TEST_CASE("unified_diff is empty for equal texts and marks a missing final line break", "[fix]") {
  CHECK(copydesk::unified_diff("a.txt", "same\n", "same\n").empty());
  const std::string diff = copydesk::unified_diff("a.txt", "one\ntwo\n", "one\n2");
  CHECK(diff == "--- a/a.txt\n+++ b/a.txt\n@@ -1,2 +1,2 @@\n one\n-two\n+2\n\\ No newline at end of file\n");
}
