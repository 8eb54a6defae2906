// The layout of copydesk's compiled data files (lexicon.bin, word-forms.*.bin): a magic
// string, then tables one after another, each its length (a 64-bit count), its items and
// zeros up to the next multiple of 8 bytes, so that every table is aligned where the
// file is mapped and is read where it lies.
#pragma once
#include <cstdint>
#include <cstring>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>

namespace copydesk {

template <typename T>
void append_table(std::string& out, std::span<const T> table) {
  const std::uint64_t n = table.size();
  out.append(reinterpret_cast<const char*>(&n), sizeof n);
  out.append(reinterpret_cast<const char*>(table.data()), table.size_bytes());
  out.append((8 - table.size_bytes() % 8) % 8, '\0');
}

// Reads the tables of a mapped file in order, each checked to lie inside it. Errors name
// the file: "<what>: <name> is truncated".
class TableReader {
 public:
  // `bytes` from the start of the file; the tables start after the magic string.
  TableReader(std::string_view bytes, std::size_t magic_size, std::string what, std::string name)
      : bytes_(bytes), at_(magic_size), what_(std::move(what)), name_(std::move(name)) {}

  template <typename T>
  std::span<const T> next() {
    std::uint64_t n = 0;
    if (at_ > bytes_.size() || bytes_.size() - at_ < sizeof n) truncated();
    std::memcpy(&n, bytes_.data() + at_, sizeof n);
    at_ += sizeof n;
    if (n > (bytes_.size() - at_) / sizeof(T)) truncated();
    const auto* items = reinterpret_cast<const T*>(bytes_.data() + at_);
    at_ += (n * sizeof(T) + 7) / 8 * 8;
    if (at_ > bytes_.size()) truncated();  // in the padding
    return {items, static_cast<std::size_t>(n)};
  }
  std::string_view next_text() {
    const std::span<const char> text = next<char>();
    return {text.data(), text.size()};
  }

 private:
  [[noreturn]] void truncated() const { throw std::runtime_error(what_ + ": " + name_ + " is truncated"); }
  std::string_view bytes_;
  std::size_t at_;
  std::string what_, name_;
};

}  // namespace copydesk
