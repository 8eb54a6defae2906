// Findings on a character reference cover the whole reference: the checks read "&ldquo;"
// as the one character it stands for, but the editor must see and fix all of it.
#pragma once
#include <vector>

#include "copydesk/diagnostic.hpp"
#include "source/source.hpp"

namespace copydesk {

// Widens each finding (and its related places) that starts or ends inside a reference.
void widen_to_references(const std::vector<TextSpan>& references, std::vector<Diagnostic>& diagnostics);

}  // namespace copydesk
