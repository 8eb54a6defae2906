#include "lsp/protocol.hpp"

#include "lsp/house_dictionary.hpp"
#include "source/source.hpp"

namespace copydesk::lsp {

using nlohmann::json;

namespace {

int severity_number(Severity s) {
  switch (s) {
    case Severity::Error: return 1;
    case Severity::Warning: return 2;
    case Severity::Info: return 3;
  }
  return 2;
}

std::string_view flagged_text(const Checked& checked, const Diagnostic& d) {
  return std::string_view(checked.result.source->bytes()).substr(d.offset, d.length);
}

}  // namespace

json to_json(const LspPosition& p) { return {{"line", p.line}, {"character", p.character}}; }

LspPosition position_from_json(const json& p) {
  return {p.at("line").get<std::size_t>(), p.at("character").get<std::size_t>()};
}

json range_json(const PositionMap& positions, std::size_t offset, std::size_t length) {
  return {{"start", to_json(positions.position(offset))}, {"end", to_json(positions.position(offset + length))}};
}

json diagnostic_json(const std::string& uri, const Checked& checked, const Diagnostic& d) {
  json out = {{"range", range_json(checked.positions, d.offset, d.length)},
              {"severity", severity_number(d.severity)},
              {"code", d.rule},
              {"source", "copydesk"},
              {"message", d.message}};
  if (!d.related.empty()) {
    json related = json::array();
    for (const Related& r : d.related)
      related.push_back({{"location", {{"uri", uri}, {"range", range_json(checked.positions, r.offset, r.length)}}},
                         {"message", r.message}});
    out["relatedInformation"] = std::move(related);
  }
  return out;
}

std::vector<const Diagnostic*> findings_between(const Checked& checked, LspPosition from, LspPosition to) {
  std::vector<const Diagnostic*> out;
  for (const Diagnostic& d : checked.result.diagnostics) {
    const LspPosition start = checked.positions.position(d.offset);
    const LspPosition end = checked.positions.position(d.offset + d.length);
    if (start <= to && from <= end) out.push_back(&d);
  }
  return out;
}

json text_edit(const Checked& checked, const Diagnostic& d, const std::string& replacement) {
  return {{"range", range_json(checked.positions, d.offset, d.length)}, {"newText", replacement}};
}

json workspace_edit(const std::string& uri, long version, json edits, bool versioned) {
  if (versioned)
    return {{"documentChanges",
             json::array({{{"textDocument", {{"uri", uri}, {"version", version}}}, {"edits", std::move(edits)}}})}};
  return {{"changes", {{uri, std::move(edits)}}}};
}

json safe_fix_edits(const Checked& checked) {
  json edits = json::array();
  std::size_t fixed_until = 0;
  for (const Diagnostic& d : checked.result.diagnostics) {
    if (d.suggestions.size() != 1 || d.offset < fixed_until) continue;
    edits.push_back(text_edit(checked, d, d.suggestions.front()));
    fixed_until = d.offset + d.length;
  }
  return edits;
}

std::optional<std::string> dictionary_word(const Checked& checked, const Diagnostic& d) {
  if (d.category != "spelling") return std::nullopt;
  const std::string_view text = flagged_text(checked, d);
  if (!listable_word(text)) return std::nullopt;
  return std::string(text);
}

}  // namespace copydesk::lsp
