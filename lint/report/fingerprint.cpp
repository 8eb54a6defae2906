#include "report/fingerprint.hpp"

#include <openssl/evp.h>

#include <fmt/format.h>
#include <map>
#include <unicode/utf8.h>

#include "source/source.hpp"

namespace copydesk {
namespace {

constexpr int32_t kContextPoints = 24;  // code points of context each side

// Whitespace runs folded to one space, so re-wrapping or re-spacing keeps the print.
std::string fold_space(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    const bool is_space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (is_space && space) continue;
    out += is_space ? ' ' : c;
    space = is_space;
  }
  return out;
}

// The text around [begin, end) on the same line, at most kContextPoints each side.
std::pair<std::string, std::string> context(const Source& source, std::size_t begin, std::size_t end) {
  const std::string_view text = source.valid_text();
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const std::size_t line_begin = source.line_start(source.position(begin).line);
  int32_t from = static_cast<int32_t>(begin);
  U8_BACK_N(s, static_cast<int32_t>(line_begin), from, kContextPoints);
  int32_t to = static_cast<int32_t>(end);
  U8_FWD_N(s, to, static_cast<int32_t>(text.size()), kContextPoints);
  std::string_view before(text.data() + from, begin - from), after(text.data() + end, to - end);
  if (const auto nl = after.find('\n'); nl != std::string_view::npos) after = after.substr(0, nl);
  return {fold_space(before), fold_space(after)};
}

}  // namespace

std::string sha256_hex(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest, &size, EVP_sha256(), nullptr);
  std::string hex;
  for (unsigned int i = 0; i < size; ++i) hex += fmt::format("{:02x}", digest[i]);
  return hex;
}

std::vector<std::string> fingerprints(const Result& file) {
  std::vector<std::string> out;
  std::map<std::string, int> seen;
  for (const Diagnostic& d : file.diagnostics) {
    const std::size_t end = std::min(d.offset + d.length, file.source->valid_text().size());
    const auto [before, after] = context(*file.source, d.offset, end);
    std::string key = d.rule + '\0' + fold_space(std::string_view(file.source->valid_text()).substr(d.offset, end - d.offset)) +
                      '\0' + before + '\0' + after;
    const int occurrence = seen[key]++;
    key += '\0' + std::to_string(occurrence);
    out.push_back(sha256_hex(key).substr(0, 32));
  }
  return out;
}

}  // namespace copydesk
