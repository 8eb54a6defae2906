// A unified diff read for what it says about each file: the lines of the new version
// that were added or modified, and what each hunk replaced.
#pragma once
#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace copydesk {

struct Hunk {
  std::size_t new_start = 1;           // first line of the new version it spans (1-based)
  std::size_t new_count = 0;           // lines of the new version it spans
  std::vector<std::string> old_lines;  // the old version's lines there, line breaks kept
};

struct FileDiff {
  std::string path;                // as the diff names the new version, "b/" left on
  std::set<std::size_t> added;     // new-version lines added or modified
  std::vector<Hunk> hunks;
};

// Throws InputError on a hunk header it cannot read.
std::vector<FileDiff> parse_unified_diff(std::string_view diff);

// The old version, rebuilt from the new one by putting back what each hunk replaced.
std::string old_version(std::string_view new_text, const FileDiff& diff);

}  // namespace copydesk
