// A file mapped read-only into memory: its pages are read when first touched and shared
// with every process that maps the same file, so a large compiled data file (the tagger
// model, the lexicon) costs next to nothing to open.
#pragma once
#include <cstddef>
#include <filesystem>
#include <memory>
#include <string_view>

namespace copydesk {

class MappedFile {
 public:
  // The whole file, or null when it cannot be opened or mapped (or is empty).
  static std::shared_ptr<const MappedFile> map(const std::filesystem::path& file);
  MappedFile(const char* data, std::size_t size) : data_(data), size_(size) {}
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  std::string_view bytes() const { return {data_, size_}; }

 private:
  const char* data_;
  std::size_t size_;
};

}  // namespace copydesk
