// Files written whole or not at all, files read whole, and diffs between two texts.
#include "api/files.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fmt/format.h>
#include <fstream>
#include <iterator>

#include "copydesk/copydesk.hpp"

extern char** environ;

namespace fs = std::filesystem;

namespace copydesk {
namespace {

[[noreturn]] void fail(const fs::path& file, std::string_view what) {
  throw InputError(fmt::format("{}: {}: {}", file.string(), what, std::strerror(errno)));
}

void write_all(int fd, const std::string& content, const fs::path& file) {
  for (std::size_t done = 0; done < content.size();) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) fail(file, "cannot be written");
    done += static_cast<std::size_t>(n);
  }
}

// The mode a new file gets: what the umask leaves of rw-rw-rw-.
mode_t new_file_mode() {
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return 0666 & ~mask;
}

// A temporary file that is removed unless it was renamed into place.
struct TempFile {
  std::string path;
  int fd = -1;
  bool kept = false;
  ~TempFile() {
    if (fd >= 0) ::close(fd);
    if (!kept) ::unlink(path.c_str());
  }
};

}  // namespace

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw InputError(fmt::format("{}: cannot be read", p.string()));
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw InputError(fmt::format("{}: read error", p.string()));
  return bytes;
}

void write_file_atomically(const fs::path& file, const std::string& content, const std::string* expected) {
  const fs::path folder = file.has_parent_path() ? file.parent_path() : fs::path(".");
  TempFile temp;
  temp.path = (folder / fmt::format(".{}.copydesk-XXXXXX", file.filename().string())).string();
  temp.fd = ::mkstemp(temp.path.data());
  if (temp.fd < 0) {
    temp.kept = true;  // nothing was created
    fail(file, "cannot be written (temporary file)");
  }
  struct stat st {};
  const mode_t mode = ::stat(file.c_str(), &st) == 0 ? st.st_mode & 07777 : new_file_mode();
  if (::fchmod(temp.fd, mode) != 0) fail(file, "cannot be written (mode)");
  write_all(temp.fd, content, file);
  if (::fsync(temp.fd) != 0) fail(file, "cannot be written (fsync)");
  if (::close(temp.fd) != 0) {
    temp.fd = -1;
    fail(file, "cannot be written (close)");
  }
  temp.fd = -1;
  if (expected != nullptr && read_file(file) != *expected)
    throw InputError(fmt::format("{}: changed since it was read; not written", file.string()));
  if (std::getenv("COPYDESK_TEST_ABORT_BEFORE_RENAME") != nullptr) std::abort();  // test hook, see the header
  if (::rename(temp.path.c_str(), file.c_str()) != 0) fail(file, "cannot be replaced");
  temp.kept = true;
  // The rename itself reaches the disk with the folder's entry.
  if (const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY); dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
}

std::string unified_diff(const std::string& path, const std::string& before, const std::string& after) {
  if (before == after) return {};
  // GNU diff computes the hunks: both texts go to a private temporary folder.
  std::string scratch = (fs::temp_directory_path() / "copydesk-diff-XXXXXX").string();
  if (::mkdtemp(scratch.data()) == nullptr) fail(scratch, "cannot create a temporary folder");
  struct Cleanup {
    fs::path dir;
    ~Cleanup() {
      std::error_code ec;
      fs::remove_all(dir, ec);
    }
  } cleanup{scratch};
  const fs::path old_file = cleanup.dir / "a", new_file = cleanup.dir / "b", out_file = cleanup.dir / "diff";
  write_file_atomically(old_file, before);
  write_file_atomically(new_file, after);
  const bool absolute = fs::path(path).is_absolute();
  const std::string old_label = absolute ? path : "a/" + path, new_label = absolute ? path : "b/" + path;
  std::vector<std::string> args = {"diff", "-u", "--label", old_label, "--label", new_label, old_file, new_file};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  pid_t pid = 0;
  const int spawned = ::posix_spawnp(&pid, "diff", &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) {
    errno = spawned;
    fail(path, "cannot run diff");
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  // diff exits 1 when the texts differ, as they do here; anything else is trouble.
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 1)
    throw InputError(fmt::format("{}: diff failed (status {})", path, status));
  return read_file(out_file);
}

}  // namespace copydesk
