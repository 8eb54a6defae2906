// libFuzzer target: the input read as a .copydesk.yaml and, separately, as a rule pack
// with every option checked against its kind's declarations. Either is read or refused
// with a ConfigError; anything else (a crash, another exception) is a finding.
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "config/config.hpp"
#include "engine/check.hpp"

namespace fs = std::filesystem;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // yaml-cpp and the configuration read files: the input goes to one of this process's.
  static const fs::path file = fs::temp_directory_path() / ("copydesk-fuzz-" + std::to_string(::getpid()) + ".yaml");
  std::ofstream(file, std::ios::binary | std::ios::trunc).write(reinterpret_cast<const char*>(data), size);
  try {
    copydesk::load_config(file);
  } catch (const copydesk::ConfigError&) {
  }
  try {
    for (copydesk::Rule& rule : copydesk::load_rule_file(file))
      if (const auto* kind = copydesk::CheckRegistry::instance().find(rule.kind)) copydesk::complete_options(rule, *kind);
  } catch (const copydesk::ConfigError&) {
  }
  return 0;
}
