// Running git: which files it ignores, what changed since a revision.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace copydesk {

struct GitRun {
  int status = -1;  // git's exit status; -1: git could not be run
  std::string out;
};

// Runs `git -C dir ARGS...` with `input` on its standard input; its errors are dropped.
GitRun run_git(const std::filesystem::path& dir, const std::vector<std::string>& args, std::string_view input = {});

// Which of `files` (absolute) git ignores: .gitignore, .git/info/exclude and the global
// excludes. None when `dir` is in no git work tree or git is not installed.
std::vector<std::filesystem::path> git_ignored(const std::filesystem::path& dir,
                                               const std::vector<std::filesystem::path>& files);

}  // namespace copydesk
