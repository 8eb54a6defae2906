// libFuzzer target: the whole check (every shipped rule) over arbitrary bytes, read as
// plain text, Markdown or HTML as the first byte chooses, rendered in one format.
#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  copydesk::fuzz::check_and_render(data, size, std::nullopt);
  return 0;
}
