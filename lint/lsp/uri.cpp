#include "lsp/uri.hpp"

#include <uriparser/Uri.h>

#include <vector>

namespace copydesk::lsp {

std::optional<std::filesystem::path> path_of_uri(const std::string& uri) {
  if (uri.rfind("file://", 0) != 0) return std::nullopt;
  std::vector<char> path(uri.size() + 1);
  if (uriUriStringToUnixFilenameA(uri.c_str(), path.data()) != URI_SUCCESS) return std::nullopt;
  return std::filesystem::path(path.data());
}

std::string uri_of_path(const std::filesystem::path& path) {
  const std::string text = path.string();
  std::vector<char> uri(8 + 3 * text.size() + 1);  // "file://" and every byte escaped at worst
  if (uriUnixFilenameToUriStringA(text.c_str(), uri.data()) != URI_SUCCESS) return "file://" + text;
  return uri.data();
}

}  // namespace copydesk::lsp
