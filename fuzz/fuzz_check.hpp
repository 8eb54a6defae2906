// What the check targets share: one linter for the whole run (rules, catalogues and
// dictionaries built once), the whole check of the input, its spans verified, and the
// findings rendered in one format, chosen by a byte of the input so that every format is
// reached without paying for all four on every input.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "copydesk/copydesk.hpp"

namespace copydesk::fuzz {

// Reads the input as `format`, or as the first byte chooses (plain, Markdown, HTML).
inline void check_and_render(const uint8_t* data, std::size_t size, std::optional<Format> format) {
  // Sections of 4 KB, so that inputs of the fuzzer's size are cut into sections too.
  static const Linter linter{[] {
    Options options;
    options.limits.section_bytes = 4096;
    return options;
  }()};
  const uint8_t choice = size == 0 ? 0 : data[0];
  const Format as = format.value_or(static_cast<Format>(choice % 3));
  const std::vector<Result> results{linter.check(std::string(reinterpret_cast<const char*>(data), size), "fuzz", as)};
  // Every span, a finding's own and those it points to, must lie inside the input.
  for (const auto& d : results[0].diagnostics) {
    if (d.offset + d.length > size) __builtin_trap();
    for (const auto& r : d.related)
      if (r.offset + r.length > size) __builtin_trap();
  }
  const auto& formats = Linter::formats();
  linter.render(results, formats[(choice / 3) % formats.size()]);
}

}  // namespace copydesk::fuzz
