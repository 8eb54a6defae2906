#include "spell/word_list.hpp"

#include <fmt/format.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "copydesk/error.hpp"

namespace copydesk {
namespace {

bool all_digits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return c >= '0' && c <= '9'; });
}

// The column (in code points) of the first byte of a line that is not UTF-8 text, or 0.
std::size_t bad_column(const std::string& line) {
  const auto* s = reinterpret_cast<const uint8_t*>(line.data());
  const int32_t n = static_cast<int32_t>(line.size());
  std::size_t column = 1;
  for (int32_t i = 0; i < n; ++column) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c <= 0) return column;  // invalid, or a NUL byte
  }
  return 0;
}

// Code points in valid UTF-8: the bytes that do not continue a sequence.
std::size_t code_points(const std::string& s) {
  return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::string trimmed(const std::string& s) {
  const auto first = s.find_first_not_of(" \t\r");
  if (first == std::string::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t\r") - first + 1);
}

}  // namespace

WordList read_word_list(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream whole;
  if (!in || !(whole << in.rdbuf()) || in.bad()) throw ConfigError(fmt::format("{}: word list cannot be read", path));
  std::istringstream lines(whole.str());
  WordList list;
  std::string line;
  for (std::size_t n = 1; std::getline(lines, line); ++n) {
    if (n == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
    if (const std::size_t column = bad_column(line))
      throw ConfigError(fmt::format("{}:{}:{}: word list is not UTF-8 text here", path, n, column));
    const std::string entry = trimmed(line);
    if (n == 1 && all_digits(entry)) {
      list.hunspell_format = true;
      continue;
    }
    if (entry.empty()) continue;
    // A plain list has one word a line; a .dic entry may add morphology after a tab.
    const std::size_t space = entry.find_first_of(list.hunspell_format ? "\t" : " \t");
    if (!list.hunspell_format && space != std::string::npos)
      throw ConfigError(fmt::format("{}:{}:{}: a word list has one word a line (a .dic starts with the number of words)",
                                    path, n, code_points(line.substr(0, line.find(entry) + space)) + 1));
    list.entries.push_back(entry);
  }
  if (list.entries.empty()) throw ConfigError(fmt::format("{}: word list has no words", path));
  return list;
}

}  // namespace copydesk
