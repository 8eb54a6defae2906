// Gathering the inputs of a run: files, folders walked, standard input.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <fmt/format.h>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>

#include "api/files.hpp"
#include "api/git.hpp"
#include "api/glob.hpp"
#include "api/inputs.hpp"
#include "copydesk/copydesk.hpp"
#include "source/file_mapping.hpp"
#include "source/source.hpp"

namespace fs = std::filesystem;

namespace copydesk {
namespace {

bool checkable_extension(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext == ".txt" || ext == ".md" || ext == ".markdown" || ext == ".html" || ext == ".htm";
}

std::string too_large(const std::string& name, std::size_t max_bytes) {
  return fmt::format("{}: larger than the limit of {} bytes (--max-bytes); not checked", name, max_bytes);
}

// At most max_bytes + 1 bytes (0: no limit), so an endless stream stops at the limit.
std::string read_bounded(std::istream& in, std::size_t max_bytes) {
  std::string bytes;
  char buffer[1 << 16];
  while (in && (max_bytes == 0 || bytes.size() <= max_bytes)) {
    in.read(buffer, sizeof buffer);
    bytes.append(buffer, static_cast<std::size_t>(in.gcount()));
  }
  return bytes;
}

// Plain text longer than this is mapped rather than read (source/file_mapping.hpp), so
// that checking it a section at a time holds a section of it; shorter files are read
// whole, which costs less than a mapping and a descriptor each.
constexpr std::size_t kMapAbove = 1 << 20;

enum class Mapped { Yes, No, Binary };

// A regular file mapped, unless it is UTF-16 (converted whole), over the limit (refused
// when read) or cannot be mapped; a file with a NUL byte is not text.
Mapped map_file(const std::string& name, Format format, std::size_t max_bytes, Inputs& sources) {
  const int fd = ::open(name.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Mapped::No;
  struct stat status {};
  std::shared_ptr<FileMapping> file;
  if (::fstat(fd, &status) == 0 && S_ISREG(status.st_mode) &&
      (max_bytes == 0 || static_cast<std::size_t>(status.st_size) <= max_bytes))
    file = FileMapping::map(fd, static_cast<std::size_t>(status.st_size));
  ::close(fd);
  if (!file || has_utf16_bom(file->view())) return Mapped::No;
  const std::string_view bytes = file->view();
  for (std::size_t at = 0; at < bytes.size(); at += kReleaseBlock) {
    const bool binary = looks_binary(bytes.substr(at, kReleaseBlock));
    file->release(at, kReleaseBlock);
    if (binary) return Mapped::Binary;
  }
  sources.push_back(std::make_shared<const Source>(name, std::move(file), format));
  return Mapped::Yes;
}

// What a run cannot check: an InputError, or with `unchecked` a note and the path kept.
struct Trouble {
  const Note& note;
  std::vector<std::string>* unchecked;
  void operator()(const std::string& path, const std::string& what) const {
    if (unchecked == nullptr) throw InputError(what);
    if (note) note(what);
    unchecked->push_back(path);
  }
};

// The checkable files under a folder, in name order, less those git ignores; folders
// and files met that cannot be read go to `trouble`. Symbolic links to folders are not followed (no cycles).
std::vector<fs::path> walk(const fs::path& root, const Trouble& trouble, bool gitignore) {
  std::vector<fs::path> found, folders{root};
  while (!folders.empty()) {
    const fs::path folder = folders.back();
    folders.pop_back();
    std::error_code ec;
    fs::directory_iterator it(folder, ec), end;
    if (ec) {
      trouble(folder.string(), fmt::format("{}: folder cannot be read: {}", folder.string(), ec.message()));
      continue;
    }
    for (; it != end; it.increment(ec)) {
      const fs::path& p = it->path();
      std::error_code link_ec, target_ec;
      const auto link = it->symlink_status(link_ec);
      if (fs::is_directory(link)) {
        const std::string name = p.filename().string();
        if (!(name.size() > 1 && name[0] == '.')) folders.push_back(p);
        continue;
      }
      if (!checkable_extension(p)) continue;
      const auto target = it->status(target_ec);
      if (link_ec || target_ec)
        trouble(p.string(), fmt::format("{}: cannot be read: {}", p.string(), (link_ec ? link_ec : target_ec).message()));
      else if (fs::is_regular_file(target))
        found.push_back(p);
    }
    if (ec) trouble(folder.string(), fmt::format("{}: folder cannot be read: {}", folder.string(), ec.message()));
  }
  std::sort(found.begin(), found.end());
  if (!gitignore || found.empty()) return found;
  std::vector<fs::path> absolute;
  for (const auto& f : found) absolute.push_back(fs::absolute(f).lexically_normal());
  auto ignored = git_ignored(root.string(), absolute);
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

const std::string& input_path(const Source& source) { return source.path(); }

Inputs read_inputs(const std::vector<std::string>& paths, const Note& note, const InputOptions& options,
                   std::vector<std::string>* unchecked) {
  Inputs sources;
  const Trouble trouble{note, unchecked};
  const std::size_t max_bytes = options.max_bytes;
  Exclusions exclusions(options);
  auto add = [&](std::string name, std::string bytes, Format format) {
    if (auto decoded = decode_utf16(bytes)) bytes = std::move(*decoded);
    sources.push_back(std::make_shared<const Source>(name, std::move(bytes), format));
  };
  auto add_file = [&](const fs::path& p, bool named) {
    const std::string name = p.string();
    if (exclusions.excluded(p)) {
      if (named && note) note(fmt::format("skipping {}: excluded by an ignore pattern", name));
      return;
    }
    std::error_code ec;
    const auto size = fs::file_size(p, ec);
    if (!ec && max_bytes != 0 && size > max_bytes) {
      if (named) throw InputError(too_large(name, max_bytes));
      return trouble(name, too_large(name, max_bytes));
    }
    const Format format = format_for_path(name);
    if (format == Format::Plain && !ec && size > kMapAbove) {
      switch (map_file(name, format, max_bytes, sources)) {
        case Mapped::Yes: return;
        case Mapped::Binary:
          if (named) throw InputError(fmt::format("{}: not a text file", name));
          if (note) note(fmt::format("skipping {}: not a text file", name));
          return;
        case Mapped::No: break;
      }
    }
    std::ifstream in(p, std::ios::binary);
    if (!in) return trouble(name, fmt::format("{}: cannot be read", name));
    std::string bytes = read_bounded(in, max_bytes);
    if (in.bad()) return trouble(name, fmt::format("{}: read error", name));
    if (max_bytes != 0 && bytes.size() > max_bytes) return trouble(name, too_large(name, max_bytes));
    if (looks_binary(bytes) && !has_utf16_bom(bytes)) {
      if (named) throw InputError(fmt::format("{}: not a text file", name));
      if (note) note(fmt::format("skipping {}: not a text file", name));
      return;
    }
    add(name, std::move(bytes), format);
  };
  if (std::count(paths.begin(), paths.end(), "-") > 1) throw InputError("standard input (-) can be read only once");
  for (const std::string& arg : paths.empty() ? std::vector<std::string>{"-"} : paths) {
    if (arg == "-") {
      const std::string name = options.stdin_filename.empty() ? "<stdin>" : options.stdin_filename;
      std::string bytes = read_bounded(std::cin, max_bytes);
      if (max_bytes != 0 && bytes.size() > max_bytes) throw InputError(too_large(name, max_bytes));
      if (looks_binary(bytes) && !has_utf16_bom(bytes)) throw InputError(fmt::format("{}: not a text file", name));
      add(name, std::move(bytes), options.stdin_filename.empty() ? Format::Plain : format_for_path(name));
      continue;
    }
    std::error_code ec;
    const auto status = fs::status(arg, ec);
    if (ec && ec != std::errc::no_such_file_or_directory) {
      trouble(arg, fmt::format("{}: cannot be read: {}", arg, ec.message()));
      continue;
    }
    if (ec || !fs::exists(status)) throw InputError(fmt::format("{}: no such file or directory", arg));
    if (!fs::is_directory(status)) {
      add_file(arg, true);
      continue;
    }
    const auto found = walk(arg, trouble, options.gitignore);
    if (found.empty() && note) note(fmt::format("no .txt, .md, .markdown, .html or .htm files in {}", arg));
    for (const auto& f : found) add_file(f, false);
  }
  return sources;
}

}  // namespace copydesk
