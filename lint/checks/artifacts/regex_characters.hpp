// What the artifacts checks built on RE2 share: counting characters of a match as RE2
// does, for the length limits they test in code rather than as counted repetitions
// (which grow RE2's program by the count).
#pragma once
#include <algorithm>
#include <cstddef>
#include <string_view>

#include <unicode/utf8.h>

namespace copydesk::artifacts {

// Characters in text that RE2 matched with a character class: one for each UTF-8 lead
// byte, as RE2 counts any sequence of a lead byte and its trail bytes as one.
inline std::size_t regex_characters(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) { return !U8_IS_TRAIL(c); }));
}

}  // namespace copydesk::artifacts
