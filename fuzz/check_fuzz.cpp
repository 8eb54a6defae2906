// libFuzzer target: the whole check (every shipped rule) over arbitrary bytes, read as
// plain text, Markdown or HTML as the first byte chooses, then every report format.
#include <cstddef>
#include <cstdint>
#include <sstream>

#include "engine/engine.hpp"
#include "report/reporter.hpp"

using namespace copydesk;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const Engine engine{EngineOptions{}};
  static const Engine::Worker worker(engine);
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  const Format format = size == 0 ? Format::Plain : static_cast<Format>(data[0] % 3);
  const Source source("fuzz", bytes, format);
  std::vector<CheckedFile> files{{&source, worker.check(source)}};
  // Every span, a finding's own and those it points to, must lie inside the input.
  for (const auto& d : files[0].result.diagnostics) {
    if (d.offset + d.length > bytes.size()) __builtin_trap();
    for (const auto& r : d.related)
      if (r.offset + r.length > bytes.size()) __builtin_trap();
  }
  std::ostringstream out;
  report_json(out, files);
  report_sarif(out, files, engine.rules());
  report_github(out, files);
  report_text(out, files, ReportOptions{});
  return 0;
}
