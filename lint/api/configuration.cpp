// The newsroom configuration as the library takes it: read once, shared by every Linter
// loaded from it.
#include <fmt/format.h>

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

}  // namespace copydesk
