// libFuzzer target: the whole check of the input as Markdown (md4c's blocks and spans
// blanked to spaces, paragraphs from the markup), rendered in one format.
#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  copydesk::fuzz::check_and_render(data, size, copydesk::Format::Markdown);
  return 0;
}
