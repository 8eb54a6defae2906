#include "api/unified_diff.hpp"

#include <fmt/format.h>
#include <re2/re2.h>

#include "copydesk/error.hpp"

namespace copydesk {

std::vector<FileDiff> parse_unified_diff(std::string_view diff) {
  static const RE2 header(R"(@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@.*)");
  std::vector<FileDiff> files;
  std::size_t new_line = 0, old_left = 0, new_left = 0;  // inside a hunk while either is left
  std::size_t number = 0;
  for (std::size_t at = 0; at < diff.size();) {
    const std::size_t nl = diff.find('\n', at);
    const std::size_t end = nl == std::string_view::npos ? diff.size() : nl + 1;
    std::string_view line = diff.substr(at, end - at);
    at = end;
    ++number;
    const std::string_view bare = line.substr(0, line.find_last_not_of("\r\n") + 1);
    if (old_left + new_left > 0 && !files.empty() && !files.back().hunks.empty()) {
      Hunk& hunk = files.back().hunks.back();
      const char mark = line.empty() ? ' ' : line[0];
      if (mark == '+' && new_left > 0) {
        files.back().added.insert(new_line++);
        --new_left;
        continue;
      }
      if ((mark == '-' || mark == ' ') && old_left > 0) {
        hunk.old_lines.emplace_back(line.substr(1));
        --old_left;
        if (mark == ' ' && new_left > 0) ++new_line, --new_left;
        continue;
      }
      if (mark == '\\') continue;  // "\ No newline at end of file"
      old_left = new_left = 0;
    }
    if (bare.rfind("+++ ", 0) == 0) {
      std::string path(bare.substr(4));
      path = path.substr(0, path.find('\t'));  // a timestamp may follow
      files.push_back({path, {}, {}});
    } else if (bare.rfind("@@ ", 0) == 0) {
      std::string start, count;
      if (files.empty() || !RE2::FullMatch(re2::StringPiece(bare.data(), bare.size()), header, &start, &count))
        throw InputError(fmt::format("diff line {}: a hunk header that cannot be read: {}", number, bare));
      static const RE2 old_count(R"(@@ -\d+(?:,(\d+))? .*)");
      std::string old_n;
      RE2::FullMatch(re2::StringPiece(bare.data(), bare.size()), old_count, &old_n);
      Hunk hunk;
      hunk.new_count = count.empty() ? 1 : std::stoul(count);
      // An empty range is named by the line before it.
      hunk.new_start = std::stoul(start) + (hunk.new_count == 0 ? 1 : 0);
      files.back().hunks.push_back(hunk);
      new_line = hunk.new_start;
      new_left = hunk.new_count;
      old_left = old_n.empty() ? 1 : std::stoul(old_n);
    }
  }
  return files;
}

std::string old_version(std::string_view new_text, const FileDiff& diff) {
  std::vector<std::string_view> lines;
  for (std::size_t at = 0; at < new_text.size();) {
    const std::size_t nl = new_text.find('\n', at);
    const std::size_t end = nl == std::string_view::npos ? new_text.size() : nl + 1;
    lines.push_back(new_text.substr(at, end - at));
    at = end;
  }
  std::string old;
  std::size_t next = 1;  // the next new-version line not yet copied
  for (const Hunk& hunk : diff.hunks) {
    for (; next < hunk.new_start && next <= lines.size(); ++next) old += lines[next - 1];
    for (const std::string& line : hunk.old_lines) old += line;
    next = hunk.new_start + hunk.new_count;
  }
  for (; next <= lines.size(); ++next) old += lines[next - 1];
  return old;
}

}  // namespace copydesk
