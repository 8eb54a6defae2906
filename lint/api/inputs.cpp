// Gathering the inputs of a run: files, folders walked, standard input.
#include <algorithm>
#include <fmt/format.h>
#include <fstream>
#include <iostream>
#include <iterator>

#include "api/inputs.hpp"
#include "source/source.hpp"

namespace fs = std::filesystem;

namespace copydesk {
namespace {

bool checkable_extension(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext == ".txt" || ext == ".md" || ext == ".markdown" || ext == ".html" || ext == ".htm";
}

// The checkable files under a folder, in name order.
std::vector<fs::path> walk(const std::string& arg) {
  std::vector<fs::path> found;
  std::error_code ec;
  fs::recursive_directory_iterator it(arg, fs::directory_options::skip_permission_denied, ec), end;
  if (ec) throw InputError(fmt::format("{}: cannot be read: {}", arg, ec.message()));
  for (; it != end; it.increment(ec)) {
    if (ec) throw InputError(fmt::format("{}: cannot be read: {}", arg, ec.message()));
    const std::string name = it->path().filename().string();
    if (it->is_directory() && name.size() > 1 && name[0] == '.') {
      it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file() && checkable_extension(it->path())) found.push_back(it->path());
  }
  std::sort(found.begin(), found.end());
  return found;
}

}  // namespace

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw InputError(fmt::format("{}: cannot be read", p.string()));
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw InputError(fmt::format("{}: read error", p.string()));
  return bytes;
}

Progress progress_over(const Inputs& inputs) {
  Progress p;
  p.total = inputs.size();
  for (const auto& s : inputs) p.total_bytes += s->bytes().size();
  return p;
}

void count_done(Progress& progress, const Source& source, std::size_t words) {
  ++progress.done;
  progress.words += words;
  progress.bytes += source.bytes().size();
}

Inputs read_inputs(const std::vector<std::string>& paths, const Note& note) {
  Inputs sources;
  auto add_file = [&](const fs::path& p, bool named) {
    std::string bytes = read_file(p);
    if (looks_binary(bytes)) {
      if (named) throw InputError(fmt::format("{}: not a text file", p.string()));
      if (note) note(fmt::format("skipping {}: not a text file", p.string()));
      return;
    }
    sources.push_back(std::make_shared<const Source>(p.string(), std::move(bytes), format_for_path(p.string())));
  };
  if (std::count(paths.begin(), paths.end(), "-") > 1) throw InputError("standard input (-) can be read only once");
  for (const std::string& arg : paths.empty() ? std::vector<std::string>{"-"} : paths) {
    if (arg == "-") {
      std::string bytes((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
      if (looks_binary(bytes)) throw InputError("<stdin>: not a text file");
      sources.push_back(std::make_shared<const Source>("<stdin>", std::move(bytes)));
      continue;
    }
    std::error_code ec;
    const auto status = fs::status(arg, ec);
    if (ec || !fs::exists(status)) throw InputError(fmt::format("{}: no such file or directory", arg));
    if (!fs::is_directory(status)) {
      add_file(arg, true);
      continue;
    }
    const auto found = walk(arg);
    if (found.empty() && note) note(fmt::format("no .txt, .md, .markdown, .html or .htm files in {}", arg));
    for (const auto& f : found) add_file(f, false);
  }
  return sources;
}

}  // namespace copydesk
