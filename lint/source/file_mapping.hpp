// A long plain-text input mapped rather than read, so that checking it a section at a
// time keeps only the pages of the section at work in memory (README, "Long inputs").
// Not base/mapped_file.hpp: that maps the shipped data files read-only and whole, for
// the run's life; an input needs its bytes repaired in place, its pages let go of, and
// a file cut short under it survived.
//
// Each mapping is private and writable: what copydesk changes in it (bytes that are not
// UTF-8 blanked, suppression comments blanked from the prose) stays in this process and
// pins those pages; every other page is the file's and is let go once read, to be read
// again from the file if touched again. A file truncated while mapped would raise SIGBUS
// when a page past its new end is touched: a handler puts a page of zeros there instead
// and marks the file, and changed() tells the check to fail, naming the file. The
// handler is installed for the whole process when the first file is mapped and passes
// any other fault to the handler it replaced; a program embedding copydesk that installs
// its own SIGBUS handler afterwards takes this protection away.
// At most 64 files are mapped at once (a descriptor each); past that they are read whole.
#pragma once
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace copydesk {

// A scan of a whole mapped file lets go of what it read every this many bytes, so that
// it holds about this much of the file at once.
constexpr std::size_t kReleaseBlock = 1 << 20;

class FileMapping {
 public:
  // A file's bytes mapped from an open descriptor, which the mapping keeps (for copies).
  // Null when it cannot be mapped or when too many mappings are live (the caller then
  // reads the file whole).
  static std::shared_ptr<FileMapping> map(int fd, std::size_t size);
  ~FileMapping();
  FileMapping(const FileMapping&) = delete;
  FileMapping& operator=(const FileMapping&) = delete;

  std::string_view view() const { return {data_, size_}; }

  // Another private mapping of the same file, as it is on disk (without this one's
  // changes); null when none can be made.
  std::shared_ptr<FileMapping> copy() const;

  // Changes bytes in place (same length); their pages stay in memory from then on.
  void fill(std::size_t offset, std::size_t length, char c);

  // Lets go of the unchanged pages that [offset, offset + length) touches: they leave
  // this process's memory and are read from the file again if touched.
  void release(std::size_t offset, std::size_t length) const;

  // Whether the file was truncated under the mapping or written since it was mapped
  // (its size or modification time differ).
  bool changed() const;

 private:
  struct Descriptor;
  FileMapping(std::shared_ptr<const Descriptor> file, char* data, std::size_t size, std::size_t slot);
  std::shared_ptr<const Descriptor> file_;
  char* data_;
  std::size_t size_;
  std::size_t slot_;                   // in the SIGBUS handler's table
  std::vector<std::size_t> changed_;   // pages written, sorted
};

}  // namespace copydesk
