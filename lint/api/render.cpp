#include "api/render.hpp"

#include <algorithm>
#include <functional>
#include <sstream>
#include <stdexcept>


namespace copydesk {
namespace {

struct Renderer {
  std::string name;
  std::function<void(std::ostream&, const std::vector<Result>&, const RuleCatalogue&, const RenderOptions&)> write;
};

const std::vector<Renderer>& renderers() {
  static const std::vector<Renderer> table = {
      {"text", [](auto& out, const auto& files, const auto&, const auto& o) { report_text(out, files, o); }},
      {"json", [](auto& out, const auto& files, const auto&, const auto&) { report_json(out, files); }},
      {"sarif", [](auto& out, const auto& files, const auto& rules, const auto&) { report_sarif(out, files, rules); }},
      {"github", [](auto& out, const auto& files, const auto&, const auto& o) { report_github(out, files, o); }},
      {"rdjson", [](auto& out, const auto& files, const auto& rules, const auto&) { report_rdjson(out, files, *rules.rules); }},
      {"rdjsonl", [](auto& out, const auto& files, const auto& rules, const auto&) { report_rdjsonl(out, files, *rules.rules); }},
      {"checkstyle", [](auto& out, const auto& files, const auto&, const auto&) { report_checkstyle(out, files); }},
      {"junit", [](auto& out, const auto& files, const auto&, const auto&) { report_junit(out, files); }},
      {"gitlab", [](auto& out, const auto& files, const auto&, const auto&) { report_gitlab(out, files); }},
      {"html", [](auto& out, const auto& files, const auto&, const auto&) { report_html(out, files); }},
  };
  return table;
}

}  // namespace

const std::vector<std::string>& format_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const Renderer& r : renderers()) out.push_back(r.name);
    return out;
  }();
  return names;
}

std::string render_results(const std::vector<Result>& results, std::string_view format, const RuleCatalogue& rules,
                           const RenderOptions& options) {
  const auto& table = renderers();
  const auto it = std::find_if(table.begin(), table.end(), [&](const Renderer& r) { return r.name == format; });
  if (it == table.end()) throw std::invalid_argument("unknown output format '" + std::string(format) + "'");
  std::ostringstream out;
  it->write(out, results, rules, options);
  return out.str();
}

}  // namespace copydesk
