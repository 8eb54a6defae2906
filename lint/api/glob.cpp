#include "api/glob.hpp"

#include <fnmatch.h>

namespace copydesk {

bool glob_matches(const std::string& pattern, const std::filesystem::path& path) {
  std::string p = pattern;
  if (p.size() >= 3 && p.compare(p.size() - 3, 3, "/**") == 0) p.resize(p.size() - 3);
  while (p.rfind("./", 0) == 0) p.erase(0, 2);
  if (!p.empty() && p.back() == '/') p.pop_back();
  if (p.empty()) return false;
  const bool by_name = p.find('/') == std::string::npos;
  std::filesystem::path prefix;
  for (const auto& part : path.lexically_normal()) {
    if (part == ".") continue;
    prefix /= part;
    const std::string candidate = by_name ? part.string() : prefix.generic_string();
    if (fnmatch(p.c_str(), candidate.c_str(), FNM_PATHNAME) == 0) return true;
  }
  return false;
}

}  // namespace copydesk
