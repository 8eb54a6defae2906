// Fingerprints of findings that survive edits elsewhere in the file: a baseline, SARIF's
// partialFingerprints and GitLab's Code Quality report match a finding across commits by
// them, so they must not change when lines move (a paragraph inserted above).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "copydesk/copydesk.hpp"

namespace copydesk {

// One per diagnostic of the file, in order: a hash of the rule, the flagged text and up
// to a few words either side on its own line (whitespace runs folded), numbered when the
// same finding occurs again in the file. No line number and no offset go in.
std::vector<std::string> fingerprints(const Result& file);

// SHA-256 of bytes, in lower-case hex.
std::string sha256_hex(std::string_view bytes);

}  // namespace copydesk
