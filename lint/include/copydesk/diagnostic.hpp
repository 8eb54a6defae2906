// One finding: the single model every check emits, every reporter renders and every
// program embedding copydesk reads.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "copydesk/export.hpp"

namespace copydesk {

enum class Severity { Info = 0, Warning = 1, Error = 2 };

COPYDESK_API std::string_view severity_name(Severity s);
COPYDESK_API std::optional<Severity> severity_from_name(std::string_view name);

// Another place that explains a finding (where the name is spelled the other way).
struct Related {
  std::size_t offset = 0;
  std::size_t length = 0;
  std::string message;
};

struct Diagnostic {
  std::string rule;      // "<category>.<name>"
  std::string category;
  Severity severity = Severity::Warning;
  std::string message;
  std::size_t offset = 0;  // byte offset in the source
  std::size_t length = 0;  // bytes
  std::vector<std::string> suggestions;
  std::vector<Related> related;
};

}  // namespace copydesk
