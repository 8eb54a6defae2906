#include "lsp/framing.hpp"

#include <charconv>
#include <fmt/format.h>
#include <optional>

#include "base/text.hpp"

namespace copydesk::lsp {
namespace {

constexpr std::size_t kMaxBody = std::size_t{1} << 28;  // 256 MB: no article is larger

}  // namespace

Frame read_frame(std::istream& in) {
  std::string line;
  std::optional<std::size_t> length;
  std::string error;
  bool any_header = false;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      if (!any_header) continue;  // stray blank lines between messages
      break;
    }
    any_header = true;
    const auto colon = line.find(':');
    if (colon == std::string::npos) {
      error = fmt::format("header line without a colon: '{}'", line.substr(0, 80));
      continue;
    }
    if (ascii_lower(line.substr(0, colon)) != "content-length") continue;  // Content-Type and others
    std::string_view value(line);
    value.remove_prefix(colon + 1);
    while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
    std::size_t n = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
    if (ec != std::errc() || end != value.data() + value.size() || n > kMaxBody)
      error = fmt::format("Content-Length is not a length: '{}'", std::string(value.substr(0, 40)));
    else
      length = n;
  }
  if (!any_header) return {};
  if (!length) return {Frame::Kind::Malformed, "", error.empty() ? "header block without a Content-Length" : error};
  if (!error.empty()) return {Frame::Kind::Malformed, "", error};
  std::string body(*length, '\0');
  in.read(body.data(), static_cast<std::streamsize>(body.size()));
  if (static_cast<std::size_t>(in.gcount()) != body.size())
    return {Frame::Kind::Malformed, "", fmt::format("the input ended {} bytes into a body of {}", in.gcount(), body.size())};
  return {Frame::Kind::Message, std::move(body), ""};
}

void write_frame(std::ostream& out, const nlohmann::json& message) {
  // Text from documents is valid UTF-8, but a bad byte in a message must not end the server.
  const std::string body = message.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  out << "Content-Length: " << body.size() << "\r\n\r\n" << body << std::flush;
}

}  // namespace copydesk::lsp
