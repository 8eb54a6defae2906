#include "lsp/house_dictionary.hpp"

#include <charconv>
#include <fmt/format.h>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "copydesk/error.hpp"

namespace copydesk::lsp {

bool listable_word(std::string_view text) {
  return !text.empty() && text.find_first_of(" \t\r\n/") == std::string_view::npos;
}

bool add_to_word_list(const std::filesystem::path& list, std::string_view word) {
  if (!listable_word(word))
    throw InputError(fmt::format("'{}' is not one word", word));
  std::vector<std::string> lines;
  {
    std::ifstream in(list, std::ios::binary);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
  }
  // A Hunspell list opens with its word count; a new or count-less list gets one.
  std::size_t count = 0;
  const bool counted = !lines.empty() &&
                       std::from_chars(lines[0].data(), lines[0].data() + lines[0].size(), count).ec == std::errc();
  if (!counted) lines.insert(lines.begin(), "0");
  for (std::size_t i = 1; i < lines.size(); ++i)
    if (lines[i].substr(0, lines[i].find('/')) == word) return false;
  lines.push_back(std::string(word));
  lines[0] = std::to_string(lines.size() - 1);

  const std::filesystem::path partial = list.string() + ".partial";
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    for (const std::string& line : lines) out << line << '\n';
    if (!out.flush()) throw InputError(fmt::format("{}: cannot write the word list", list.string()));
  }
  std::error_code ec;
  std::filesystem::rename(partial, list, ec);
  if (ec) throw InputError(fmt::format("{}: cannot replace the word list: {}", list.string(), ec.message()));
  return true;
}

}  // namespace copydesk::lsp
