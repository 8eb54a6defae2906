// Only what a change brought: the findings a pull request should show.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "api/git.hpp"
#include "api/unified_diff.hpp"
#include "copydesk/copydesk.hpp"
#include "source/source.hpp"

namespace fs = std::filesystem;

namespace copydesk {
namespace {

// Whether a diff's name for a file ("b/articles/x.md") is this input's path.
bool names(const std::string& diff_path, const std::string& input) {
  std::error_code ec;
  const std::string absolute = fs::absolute(input, ec).lexically_normal().generic_string();
  for (std::string candidate : {diff_path, diff_path.rfind("b/", 0) == 0 ? diff_path.substr(2) : std::string()}) {
    if (candidate.empty()) continue;
    candidate = fs::path(candidate).lexically_normal().generic_string();
    if (absolute == candidate ||
        (absolute.size() > candidate.size() && absolute.compare(absolute.size() - candidate.size(), candidate.size(),
                                                                candidate) == 0 &&
         absolute[absolute.size() - candidate.size() - 1] == '/'))
      return true;
  }
  return false;
}

FileDiff git_diff(const std::string& path, const std::string& revision) {
  const fs::path file(path);
  const GitRun run = run_git(file.parent_path(), {"diff", "--no-color", "--no-ext-diff", "-U0", revision, "--",
                                                  file.filename().string()});
  if (run.status != 0)
    throw InputError(fmt::format("{}: git diff {} failed (not in a git work tree, or no such revision)", path, revision));
  auto files = parse_unified_diff(run.out);
  return files.empty() ? FileDiff{path, {}, {}} : std::move(files.front());
}

using Fingerprint = std::pair<std::string, std::string>;  // rule, flagged text

Fingerprint fingerprint(const Source& source, const Diagnostic& d) {
  return {d.rule, std::string(source.valid_text().substr(d.offset, d.length))};
}

void keep_changed(const Linter& linter, Result& result, const FileDiff& diff) {
  const Source& source = *result.source;
  const Result before = linter.check(old_version(source.bytes(), diff), result.path, source.format());
  std::map<Fingerprint, std::size_t> had, has;
  for (const Diagnostic& d : before.diagnostics) ++had[fingerprint(*before.source, d)];
  for (const Diagnostic& d : result.diagnostics) ++has[fingerprint(source, d)];
  auto on_changed_line = [&](const Diagnostic& d) {
    const std::size_t first = source.position(d.offset).line;
    const std::size_t last = source.position(d.offset + (d.length > 0 ? d.length - 1 : 0)).line;
    const auto it = diff.added.lower_bound(first);
    return it != diff.added.end() && *it <= last;
  };
  std::vector<Diagnostic> kept;
  for (Diagnostic& d : result.diagnostics) {
    const Fingerprint f = fingerprint(source, d);
    if (on_changed_line(d) || has[f] > had[f]) kept.push_back(std::move(d));
  }
  result.diagnostics = std::move(kept);
}

}  // namespace

std::vector<Result> keep_changes(const Linter& linter, std::vector<Result> results, const ChangeOptions& change) {
  const std::vector<FileDiff> given = parse_unified_diff(change.diff);
  for (Result& result : results) {
    if (!change.diff_base.empty()) {
      keep_changed(linter, result, git_diff(result.path, change.diff_base));
      continue;
    }
    const auto it = std::find_if(given.begin(), given.end(), [&](const FileDiff& f) { return names(f.path, result.path); });
    if (it == given.end()) result.diagnostics.clear();  // untouched by the change
    else keep_changed(linter, result, *it);
  }
  return results;
}

}  // namespace copydesk
