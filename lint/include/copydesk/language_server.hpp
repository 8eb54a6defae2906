// copydesk as a Language Server Protocol server: diagnostics while an editor types, code
// actions from the suggestions, the rule explained on hover. `copydesk lsp` runs it on
// standard input and output.
#pragma once
#include <filesystem>
#include <istream>
#include <ostream>

#include "copydesk/copydesk.hpp"

namespace copydesk {

struct LanguageServerOptions {
  Options linter;                     // language, rule folders, word lists; its configuration is not used
  std::filesystem::path config_file;  // empty: the nearest .copydesk.yaml from the workspace root upward
  unsigned debounce_ms = 250;         // quiet time after an edit before the text is checked again
};

// Serves LSP messages from `in` to `out` until the exit notification or the end of the
// input. Returns the exit status: 0 after shutdown and exit, 1 otherwise, as LSP asks.
COPYDESK_API int serve_language_server(std::istream& in, std::ostream& out, const LanguageServerOptions& options);

}  // namespace copydesk
