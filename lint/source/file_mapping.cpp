#include "source/file_mapping.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <csignal>
#include <cstdint>
#include <mutex>

namespace copydesk {
namespace {

// The live mappings, read by the SIGBUS handler (atomics only: it may interrupt any
// code, on any thread). A slot is free when its begin is 0.
struct Slot {
  std::atomic<std::uintptr_t> begin{0}, end{0};
  // Set when a page the file no longer backs was touched: the file's flag, shared by
  // every mapping of it (a copy's fault is the file's too).
  std::atomic<std::atomic<bool>*> cut{nullptr};
};
constexpr std::size_t kSlots = 192;
std::array<Slot, kSlots> slots;
// A file's mapping and the two copies a source may make of it (repaired, prose) all find
// a slot while no more files than this are mapped.
constexpr int kFiles = kSlots / 3;
std::atomic<int> files_mapped{0};
struct sigaction previous_action {};

// Read before the handler is installed, so that the handler only reads it.
const std::size_t kPageSize = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));

std::size_t page_size() { return kPageSize; }

// A page of a mapping that the file no longer backs gets a page of zeros, so that the
// access that faulted reads zeros and the check goes on to fail by name. A fault
// anywhere else is handled as it was before copydesk's handler was installed.
void on_sigbus(int signal, siginfo_t* info, void* context) {
  const auto at = reinterpret_cast<std::uintptr_t>(info->si_addr);
  for (Slot& slot : slots) {
    const std::uintptr_t begin = slot.begin.load(), end = slot.end.load();
    if (begin == 0 || at < begin || at >= end) continue;
    const std::uintptr_t page = at & ~(static_cast<std::uintptr_t>(page_size()) - 1);
    if (::mmap(reinterpret_cast<void*>(page), page_size(), PROT_READ | PROT_WRITE,
               MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) == MAP_FAILED)
      break;
    if (std::atomic<bool>* cut = slot.cut.load()) cut->store(true);
    return;
  }
  if ((previous_action.sa_flags & SA_SIGINFO) != 0 && previous_action.sa_sigaction != nullptr) {
    previous_action.sa_sigaction(signal, info, context);
  } else if (previous_action.sa_handler != SIG_IGN && previous_action.sa_handler != SIG_DFL) {
    previous_action.sa_handler(signal);
  } else {
    // Returning re-runs the faulting access, which now meets the default action.
    ::signal(SIGBUS, SIG_DFL);
  }
}

void install_handler() {
  static std::once_flag installed;
  std::call_once(installed, [] {
    struct sigaction action {};
    action.sa_sigaction = on_sigbus;
    action.sa_flags = SA_SIGINFO | SA_NODEFER;
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGBUS, &action, &previous_action);
  });
}

std::size_t take_slot(const char* data, std::size_t size, std::atomic<bool>* cut) {
  for (std::size_t i = 0; i < kSlots; ++i) {
    std::uintptr_t free = 0;
    if (slots[i].begin.compare_exchange_strong(free, reinterpret_cast<std::uintptr_t>(data))) {
      slots[i].cut.store(cut);
      slots[i].end.store(reinterpret_cast<std::uintptr_t>(data) + size);
      return i;
    }
  }
  return kSlots;
}

}  // namespace

// The open file, shared by a mapping and its copies, and what it was when first mapped.
struct FileMapping::Descriptor {
  int fd;
  off_t size;
  struct timespec modified;
  mutable std::atomic<bool> cut{false};  // see Slot::cut
  ~Descriptor() {
    ::close(fd);
    --files_mapped;
  }
};

std::shared_ptr<FileMapping> FileMapping::map(int fd, std::size_t size) {
  struct stat status {};
  if (size == 0 || ::fstat(fd, &status) != 0 || static_cast<std::size_t>(status.st_size) != size) return nullptr;
  if (++files_mapped > kFiles) {
    --files_mapped;
    return nullptr;
  }
  const int kept = ::fcntl(fd, F_DUPFD_CLOEXEC, 0);
  if (kept < 0) {
    --files_mapped;
    return nullptr;
  }
  const std::shared_ptr<const Descriptor> file(new Descriptor{kept, status.st_size, status.st_mtim});
  FileMapping probe(file, nullptr, 0, kSlots);  // owns nothing yet
  return probe.copy();
}

FileMapping::FileMapping(std::shared_ptr<const Descriptor> file, char* data, std::size_t size, std::size_t slot)
    : file_(std::move(file)), data_(data), size_(size), slot_(slot) {}

std::shared_ptr<FileMapping> FileMapping::copy() const {
  install_handler();
  const auto size = static_cast<std::size_t>(file_->size);
  void* data = ::mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE, file_->fd, 0);
  if (data == MAP_FAILED) return nullptr;
  const std::size_t slot = take_slot(static_cast<const char*>(data), size, &file_->cut);
  if (slot == kSlots) {
    ::munmap(data, size);
    return nullptr;
  }
  return std::shared_ptr<FileMapping>(new FileMapping(file_, static_cast<char*>(data), size, slot));
}

FileMapping::~FileMapping() {
  if (data_ == nullptr) return;
  // The slot goes first: once unmapped, the addresses may be another mapping's.
  slots[slot_].end.store(0);
  slots[slot_].cut.store(nullptr);
  slots[slot_].begin.store(0);
  ::munmap(data_, size_);
}

void FileMapping::fill(std::size_t offset, std::size_t length, char c) {
  if (length == 0) return;
  std::fill_n(data_ + offset, length, c);
  for (std::size_t page = offset / page_size(); page <= (offset + length - 1) / page_size(); ++page) {
    const auto at = std::lower_bound(changed_.begin(), changed_.end(), page);
    if (at == changed_.end() || *at != page) changed_.insert(at, page);
  }
}

void FileMapping::release(std::size_t offset, std::size_t length) const {
  if (length == 0) return;
  // A read fault maps the pages around it that the page cache holds (the kernel's
  // fault-around, an aligned 64 KiB): touching a page next to a released range maps
  // some of it again, and touching one inside maps its neighbours, so each release
  // takes those back too.
  constexpr std::size_t kFaultAround = 64 << 10;
  length += std::min(offset, kFaultAround) + kFaultAround;
  offset -= std::min(offset, kFaultAround);
  const std::size_t first = offset / page_size();
  const std::size_t end = (std::min(offset + length, size_) + page_size() - 1) / page_size();
  auto kept = std::lower_bound(changed_.begin(), changed_.end(), first);
  for (std::size_t page = first; page < end;) {
    const std::size_t stop = kept != changed_.end() ? std::min(*kept, end) : end;
    if (stop > page) ::madvise(data_ + page * page_size(), (stop - page) * page_size(), MADV_DONTNEED);
    page = stop + 1;
    if (kept != changed_.end()) ++kept;
  }
}

bool FileMapping::changed() const {
  struct stat now {};
  return file_->cut.load() || ::fstat(file_->fd, &now) != 0 || now.st_size != file_->size ||
         now.st_mtim.tv_sec != file_->modified.tv_sec || now.st_mtim.tv_nsec != file_->modified.tv_nsec;
}

}  // namespace copydesk
