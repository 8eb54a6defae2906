#include "source/suppression.hpp"

#include <re2/re2.h>

namespace copydesk {

std::optional<Suppression> parse_suppression(std::string_view body, std::size_t body_offset, std::size_t offset,
                                             std::size_t length) {
  // Longest names first, so "disable" does not stop at the start of "disable-line".
  static const RE2 directive(R"(\s*copydesk-(disable-next-line|disable-line|disable|enable)((?:[\s,]+[^\s,]+)*)[\s,]*)");
  static const RE2 rule_id(R"([\s,]*([^\s,]+))");
  std::string kind;
  re2::StringPiece rest;
  if (!RE2::FullMatch(re2::StringPiece(body.data(), body.size()), directive, &kind, &rest)) return std::nullopt;
  Suppression s;
  s.kind = kind == "disable-next-line" ? Suppression::Kind::DisableNextLine
           : kind == "disable-line"    ? Suppression::Kind::DisableLine
           : kind == "disable"         ? Suppression::Kind::Disable
                                       : Suppression::Kind::Enable;
  s.offset = offset;
  s.length = length;
  re2::StringPiece id;
  while (RE2::Consume(&rest, rule_id, &id))
    s.rules.push_back({std::string(id.data(), id.size()), body_offset + static_cast<std::size_t>(id.data() - body.data()), id.size()});
  return s;
}

}  // namespace copydesk
