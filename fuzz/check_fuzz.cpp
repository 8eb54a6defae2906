// libFuzzer target: the whole check (every shipped rule) over arbitrary bytes, read as
// plain text, Markdown or HTML as the first byte chooses, then every report format.
#include <cstddef>
#include <cstdint>

#include "copydesk/copydesk.hpp"

using namespace copydesk;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const Linter linter{Options{}};
  const Format format = size == 0 ? Format::Plain : static_cast<Format>(data[0] % 3);
  const std::vector<Result> results{linter.check(std::string(reinterpret_cast<const char*>(data), size), "fuzz", format)};
  // Every span, a finding's own and those it points to, must lie inside the input.
  for (const auto& d : results[0].diagnostics) {
    if (d.offset + d.length > size) __builtin_trap();
    for (const auto& r : d.related)
      if (r.offset + r.length > size) __builtin_trap();
  }
  for (const std::string& name : Linter::formats()) linter.render(results, name);
  return 0;
}
