// Suppression comments: an article's own word that a finding is wanted or not.
//
//   <!-- copydesk-disable RULE... -->            off from here (no rule: every rule)
//   <!-- copydesk-enable [RULE...] -->           on again (no rule: every rule)
//   <!-- copydesk-disable-next-line RULE... -->  off on the next line
//   <!-- copydesk-disable-line RULE... -->       off on the comment's own line
//
// in Markdown and HTML comments; in plain text the same words alone on a line.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace copydesk {

struct RuleMention {
  std::string id;
  std::size_t offset = 0;  // where the id is written
  std::size_t length = 0;
};

struct Suppression {
  enum class Kind { Disable, Enable, DisableNextLine, DisableLine };
  Kind kind = Kind::Disable;
  std::size_t offset = 0;          // the whole comment or line
  std::size_t length = 0;
  std::vector<RuleMention> rules;  // none: every rule
};

// Reads a directive from `body`, the words of a comment or line that sit at
// `body_offset`; `offset`/`length` cover the whole comment. Nothing when it is none.
std::optional<Suppression> parse_suppression(std::string_view body, std::size_t body_offset, std::size_t offset,
                                             std::size_t length);

}  // namespace copydesk
