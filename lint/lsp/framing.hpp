// The base protocol of LSP: each message is a header block (Content-Length, optionally
// Content-Type) and a blank line, then that many bytes of JSON.
#pragma once
#include <istream>
#include <ostream>
#include <string>

#include <nlohmann/json.hpp>

namespace copydesk::lsp {

struct Frame {
  enum class Kind { Message, Malformed, End } kind = Kind::End;
  std::string body;   // the JSON text of a message
  std::string error;  // what was wrong with a malformed header
};

// Reads one frame. A header block without a usable Content-Length is Malformed: the
// reader goes on with the next header block, so one bad message costs no others.
Frame read_frame(std::istream& in);

void write_frame(std::ostream& out, const nlohmann::json& message);

}  // namespace copydesk::lsp
