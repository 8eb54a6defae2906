// file:// URIs as LSP sends them, and back (uriparser does the escaping).
#pragma once
#include <filesystem>
#include <optional>
#include <string>

namespace copydesk::lsp {

// The local path a file:// URI names; none for any other scheme.
std::optional<std::filesystem::path> path_of_uri(const std::string& uri);
std::string uri_of_path(const std::filesystem::path& path);

}  // namespace copydesk::lsp
