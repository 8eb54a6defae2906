// The json format's pieces, shared by the whole report (--format json) and corpus mode's
// one line per article (--jsonl), so a diagnostic reads the same in both.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "copydesk/copydesk.hpp"
#include "source/source.hpp"

namespace copydesk {

// One diagnostic with the contract's fields; lines and columns from `source`.
nlohmann::ordered_json diagnostic_json(const Diagnostic& d, const Source& source);
// The diagnostics of one checked input, in order.
nlohmann::ordered_json diagnostics_json(const std::vector<Diagnostic>& diagnostics, const Source& source);
// On one line, with invalid UTF-8 replaced.
std::string dump_json(const nlohmann::ordered_json& doc);

}  // namespace copydesk
