// The newsroom configuration as the library takes it: read once, shared by every Linter
// loaded from it.
#include <fmt/format.h>

#include "api/glob.hpp"
#include "config/config.hpp"
#include "copydesk/copydesk.hpp"

namespace copydesk {

Configuration::Configuration() = default;

Configuration Configuration::read(const std::filesystem::path& file) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec))
    throw ConfigError(fmt::format("{}: no such configuration file", file.string()));
  Configuration c;
  c.config_ = std::make_shared<const Config>(load_config(file));
  return c;
}

Configuration Configuration::nearest(const std::filesystem::path& start) {
  const auto found = find_config(start);
  return found ? read(*found) : Configuration();
}

std::filesystem::path Configuration::file() const { return config_ ? config_->origin : std::filesystem::path(); }

bool Configuration::ignores(const std::filesystem::path& path) const {
  if (!config_ || config_->ignore.empty()) return false;
  std::error_code ec;
  const auto relative = std::filesystem::absolute(path, ec).lexically_normal().lexically_relative(
      std::filesystem::absolute(config_->origin, ec).lexically_normal().parent_path());
  if (relative.empty() || *relative.begin() == "..") return false;  // not under the configuration's folder
  for (const auto& pattern : config_->ignore)
    if (glob_matches(pattern, relative)) return true;
  return false;
}

}  // namespace copydesk
