// The two ways a check cannot be done; anything else thrown is a bug.
#pragma once
#include <stdexcept>

#include "copydesk/export.hpp"

namespace copydesk {

// A rule or configuration that cannot be used: says file, line and column.
struct COPYDESK_API ConfigError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// An input that cannot be checked: a missing or unreadable path, a file that is not text.
struct COPYDESK_API InputError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace copydesk
