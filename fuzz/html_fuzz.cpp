// libFuzzer target: the whole check of the input as HTML (gumbo's tree walked, or the
// text between the tags when it nests too deep), rendered in one format.
#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  copydesk::fuzz::check_and_render(data, size, copydesk::Format::Html);
  return 0;
}
