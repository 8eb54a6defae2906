#include "base/pos.hpp"

namespace copydesk {

std::optional<Pos> pos_from_name(std::string_view name) {
  // "_" names the untagged state, not a tag a model or corpus may use.
  for (std::size_t i = 1; i < kPosNames.size(); ++i) {
    if (kPosNames[i] == name) return static_cast<Pos>(i);
  }
  return std::nullopt;
}

}  // namespace copydesk
