// Ignore and --exclude patterns, matched with fnmatch(3).
#pragma once
#include <filesystem>
#include <string>

namespace copydesk {

// Whether `pattern` matches `path` (relative to where the pattern was given): a pattern
// without a slash matches any one file or folder name ("*.draft.md", "node_modules");
// one with a slash matches the path or a folder above it, `*` staying within one name
// ("drafts/*.md", "drafts", "build/**" = everything under build/).
bool glob_matches(const std::string& pattern, const std::filesystem::path& path);

}  // namespace copydesk
