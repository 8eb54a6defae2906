// copydesk's findings in LSP's terms: ranges, diagnostics, edits.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "copydesk/copydesk.hpp"
#include "lsp/positions.hpp"

namespace copydesk::lsp {

// JSON-RPC and LSP error codes.
namespace rpc {
constexpr int kParseError = -32700, kInvalidRequest = -32600, kMethodNotFound = -32601, kInvalidParams = -32602,
              kInternalError = -32603, kServerNotInitialized = -32002, kRequestFailed = -32803;
}

// A checked version of an open document: the positions map its bytes.
struct Checked {
  long version;
  Result result;
  PositionMap positions;
};

nlohmann::json to_json(const LspPosition& p);
LspPosition position_from_json(const nlohmann::json& p);  // throws nlohmann::json::exception
nlohmann::json range_json(const PositionMap& positions, std::size_t offset, std::size_t length);
nlohmann::json diagnostic_json(const std::string& uri, const Checked& checked, const Diagnostic& d);

// The findings whose range meets [from, to].
std::vector<const Diagnostic*> findings_between(const Checked& checked, LspPosition from, LspPosition to);

nlohmann::json text_edit(const Checked& checked, const Diagnostic& d, const std::string& replacement);
// Versioned (documentChanges) when the client takes them, so an edit for a text that has
// changed since is refused rather than applied in the wrong place.
nlohmann::json workspace_edit(const std::string& uri, long version, nlohmann::json edits, bool versioned);

// The edits of every safe fix in the text. No rule says yet which of its fixes are safe,
// so a finding with exactly one suggestion counts as safe; a fix overlapping an earlier
// one is left for the next round.
nlohmann::json safe_fix_edits(const Checked& checked);

// The word a spelling finding flags, which the house dictionary can take; none for
// other findings or a span that is not one word.
std::optional<std::string> dictionary_word(const Checked& checked, const Diagnostic& d);

}  // namespace copydesk::lsp
