#include "api/git.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <memory>

extern char** environ;

namespace copydesk {

GitRun run_git(const std::filesystem::path& dir, const std::vector<std::string>& args, std::string_view input) {
  GitRun run;
  // The input goes through a temporary file, so a large one cannot fill a pipe while
  // git's answer fills the other.
  std::unique_ptr<FILE, int (*)(FILE*)> in(std::tmpfile(), &std::fclose);
  if (!in || std::fwrite(input.data(), 1, input.size(), in.get()) != input.size() || std::fflush(in.get()) != 0)
    return run;
  std::rewind(in.get());
  int out[2];
  if (pipe(out) != 0) return run;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fileno(in.get()), STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addclose(&actions, out[0]);
  std::vector<std::string> words = {"git", "-C", dir.empty() ? "." : dir.string()};
  words.insert(words.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& w : words) argv.push_back(w.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, "git", &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(out[1]);
  if (spawned == 0) {
    char buffer[65536];
    for (ssize_t n; (n = read(out[0], buffer, sizeof buffer)) != 0;) {
      if (n < 0) break;
      run.out.append(buffer, static_cast<std::size_t>(n));
    }
  }
  close(out[0]);
  if (spawned != 0) return run;
  int status = 0;
  if (waitpid(pid, &status, 0) == pid && WIFEXITED(status)) run.status = WEXITSTATUS(status);
  return run;
}

std::vector<std::filesystem::path> git_ignored(const std::filesystem::path& dir,
                                               const std::vector<std::filesystem::path>& files) {
  std::string list;
  for (const auto& f : files) list += f.string() + '\0';
  // Exit status 0: some are ignored, 1: none, 128: not a work tree.
  const GitRun run = run_git(dir, {"check-ignore", "-z", "--stdin"}, list);
  std::vector<std::filesystem::path> ignored;
  if (run.status != 0) return ignored;
  for (std::size_t at = 0; at < run.out.size();) {
    const std::size_t nul = run.out.find('\0', at);
    const std::size_t end = nul == std::string::npos ? run.out.size() : nul;
    if (end > at) ignored.emplace_back(run.out.substr(at, end - at));
    at = end + 1;
  }
  return ignored;
}

}  // namespace copydesk
