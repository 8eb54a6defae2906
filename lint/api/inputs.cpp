// Gathering the inputs of a run: files, folders walked, standard input.
#include <algorithm>
#include <fmt/format.h>
#include <fstream>
#include <iostream>
#include <iterator>

#include <map>

#include "api/files.hpp"
#include "api/git.hpp"
#include "api/glob.hpp"
#include "copydesk/copydesk.hpp"
#include "source/source.hpp"

namespace fs = std::filesystem;

namespace copydesk {
namespace {

bool checkable_extension(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext == ".txt" || ext == ".md" || ext == ".markdown" || ext == ".html" || ext == ".htm";
}

// The checkable files under a folder, in name order, less those git ignores.
std::vector<fs::path> walk(const std::string& arg, bool gitignore) {
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
  if (!gitignore || found.empty()) return found;
  std::vector<fs::path> absolute;
  for (const auto& f : found) absolute.push_back(fs::absolute(f).lexically_normal());
  auto ignored = git_ignored(arg, absolute);
  std::sort(ignored.begin(), ignored.end());
  std::vector<fs::path> kept;
  for (std::size_t i = 0; i < found.size(); ++i)
    if (!std::binary_search(ignored.begin(), ignored.end(), absolute[i])) kept.push_back(found[i]);
  return kept;
}

// Whether an --exclude or ignore: pattern keeps a file out; each folder's nearest
// configuration is read once.
class Exclusions {
 public:
  explicit Exclusions(const InputOptions& options) : options_(options) {}

  bool excluded(const fs::path& file) {
    const fs::path relative = file.is_absolute() ? file.lexically_relative(fs::current_path()) : file;
    for (const auto& pattern : options_.exclude)
      if (glob_matches(pattern, relative)) return true;
    return configuration_for(file).ignores(file);
  }

  const Configuration& configuration_for(const fs::path& file) {
    if (options_.configuration) return *options_.configuration;
    const fs::path folder = fs::absolute(file).parent_path();
    auto it = nearest_.find(folder);
    if (it == nearest_.end()) it = nearest_.emplace(folder, Configuration::nearest(folder)).first;
    return it->second;
  }

 private:
  const InputOptions& options_;
  std::map<fs::path, Configuration> nearest_;
};

}  // namespace

const std::string& input_path(const Source& source) { return source.path(); }

Inputs read_inputs(const std::vector<std::string>& paths, const Note& note, const InputOptions& options) {
  Inputs sources;
  Exclusions exclusions(options);
  auto add_file = [&](const fs::path& p, bool named) {
    if (exclusions.excluded(p)) {
      if (named && note) note(fmt::format("skipping {}: excluded by an ignore pattern", p.string()));
      return;
    }
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
      const std::string name = options.stdin_filename.empty() ? "<stdin>" : options.stdin_filename;
      if (looks_binary(bytes)) throw InputError(fmt::format("{}: not a text file", name));
      const Format format = options.stdin_filename.empty() ? Format::Plain : format_for_path(name);
      sources.push_back(std::make_shared<const Source>(name, std::move(bytes), format));
      continue;
    }
    std::error_code ec;
    const auto status = fs::status(arg, ec);
    if (ec || !fs::exists(status)) throw InputError(fmt::format("{}: no such file or directory", arg));
    if (!fs::is_directory(status)) {
      add_file(arg, true);
      continue;
    }
    const auto found = walk(arg, options.gitignore);
    if (found.empty() && note) note(fmt::format("no .txt, .md, .markdown, .html or .htm files in {}", arg));
    for (const auto& f : found) add_file(f, false);
  }
  return sources;
}

}  // namespace copydesk
