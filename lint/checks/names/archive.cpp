#include "checks/names/archive.hpp"

#include <charconv>
#include <fmt/format.h>
#include <fstream>
#include <string>

namespace copydesk::names {

void read_counts(const std::filesystem::path& file, NameCounts& counts) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw InputError(fmt::format("{}: cannot be read", file.string()));
  std::string line;
  for (std::size_t number = 1; std::getline(in, line); ++number) {
    const std::size_t tab = line.find('\t');
    std::uint64_t n = 0;
    const char* end = line.data() + line.size();
    const bool ok = tab != std::string::npos && tab > 0 && tab + 1 < line.size() &&
                    std::from_chars(line.data() + tab + 1, end, n).ptr == end;
    if (!ok) throw InputError(fmt::format("{}:{}: expected a spelling, a tab and a count", file.string(), number));
    counts[line.substr(0, tab)] += n;
  }
  if (in.bad()) throw InputError(fmt::format("{}: read error", file.string()));
}

void write_counts(std::ostream& out, const NameCounts& counts) {
  for (const auto& [spelling, n] : counts) out << spelling << '\t' << n << '\n';
}

}  // namespace copydesk::names
