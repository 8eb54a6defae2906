#include "source/front_matter.hpp"

#include <algorithm>
#include <re2/re2.h>
#include <yaml-cpp/yaml.h>

namespace copydesk {
namespace {

// The offset just past the line that starts at `at`, and that line without its break.
std::pair<std::string_view, std::size_t> line_at(std::string_view text, std::size_t at) {
  const std::size_t nl = text.find('\n', at);
  const std::size_t end = nl == std::string_view::npos ? text.size() : nl;
  std::string_view line = text.substr(at, end - at);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return {line, nl == std::string_view::npos ? text.size() : nl + 1};
}

bool wanted(const std::vector<std::string>& fields, const std::string& key) {
  return std::find(fields.begin(), fields.end(), key) != fields.end();
}

// yaml-cpp marks where each value starts; a plain or quoted single-line value whose
// bytes there are exactly its text can be revealed in place.
void yaml_fields(std::string_view text, std::size_t begin, std::size_t end, const std::vector<std::string>& names,
                 std::vector<TextSpan>& out) {
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text.substr(begin, end - begin)));
  } catch (const YAML::Exception&) {
    return;  // not YAML after all: all of it stays metadata
  }
  if (!root.IsMap()) return;
  for (const auto& kv : root) {
    if (!kv.first.IsScalar() || !wanted(names, kv.first.Scalar()) || !kv.second.IsScalar()) continue;
    const std::string& value = kv.second.Scalar();
    const std::size_t at = begin + static_cast<std::size_t>(kv.second.Mark().pos);
    if (value.empty() || value.find('\n') != std::string::npos) continue;
    const bool quoted = at < end && (text[at] == '"' || text[at] == '\'');
    const std::size_t start = at + (quoted ? 1 : 0);
    if (start + value.size() <= end && text.compare(start, value.size(), value) == 0)
      out.push_back({start, value.size()});
  }
}

// TOML is read no further than lines of the form  key = "text"  (or 'text') before the
// first [table]: a basic string without escapes or a literal string is its own bytes.
void toml_fields(std::string_view text, std::size_t begin, std::size_t end, const std::vector<std::string>& names,
                 std::vector<TextSpan>& out) {
  static const RE2 assignment(R"re(\s*([A-Za-z0-9_-]+)\s*=\s*(?:"([^"\\]*)"|'([^']*)')\s*(?:#.*)?)re");
  for (std::size_t at = begin; at < end;) {
    const auto [line, next] = line_at(text, at);
    if (!line.empty() && line.find_first_not_of(" \t") != std::string_view::npos &&
        line[line.find_first_not_of(" \t")] == '[')
      break;
    std::string key;
    re2::StringPiece basic, literal;
    if (RE2::FullMatch(re2::StringPiece(line.data(), line.size()), assignment, &key, &basic, &literal) &&
        wanted(names, key)) {
      const re2::StringPiece value = basic.data() != nullptr ? basic : literal;
      if (!value.empty()) out.push_back({static_cast<std::size_t>(value.data() - text.data()), value.size()});
    }
    at = next;
  }
}

}  // namespace

FrontMatter find_front_matter(std::string_view text, const std::vector<std::string>& prose_fields) {
  FrontMatter found;
  const auto [opening, body] = line_at(text, 0);
  if (opening != "---" && opening != "+++") return found;
  const bool yaml = opening == "---";
  for (std::size_t at = body; at < text.size();) {
    const auto [line, next] = line_at(text, at);
    if (line == opening || (yaml && line == "...")) {
      found.end = next;
      if (yaml) yaml_fields(text, body, at, prose_fields, found.fields);
      else toml_fields(text, body, at, prose_fields, found.fields);
      return found;
    }
    at = next;
  }
  return found;  // never closed: a thematic break, not front matter
}

}  // namespace copydesk
