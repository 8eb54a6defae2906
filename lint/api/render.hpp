// The output formats, by name: one table, read by the library and the command line.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "copydesk/copydesk.hpp"
#include "report/reporter.hpp"

namespace copydesk {

// Names in the order `copydesk check --help` lists them.
const std::vector<std::string>& format_names();

// Throws std::invalid_argument for a format not in format_names().
std::string render_results(const std::vector<Result>& results, std::string_view format, const RuleCatalogue& rules,
                           const RenderOptions& options);

}  // namespace copydesk
