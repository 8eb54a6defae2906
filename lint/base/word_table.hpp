// A sorted list of words as a compiled data file keeps it: the words one after another in
// one blob, each ended by a NUL, and where each starts. Searched where it lies.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace copydesk {

class WordTable {
 public:
  WordTable() = default;
  WordTable(std::string_view blob, std::span<const std::uint32_t> offsets) : blob_(blob), offsets_(offsets) {}

  // Appends sorted words to a blob and its offsets, for a table to be built over them.
  static void append(std::span<const std::string_view> sorted, std::string& blob, std::vector<std::uint32_t>& offsets);

  // Whether the blob ends a word: what a mapped file's table must be before it is
  // searched (an offset outside the blob is found nowhere).
  bool consistent() const;
  // The index of the word, or -1.
  std::int64_t find(std::string_view word) const;
  bool contains(std::string_view word) const { return find(word) >= 0; }
  // The i-th word of a consistent table; an offset outside the blob gives "".
  std::string_view word(std::uint32_t i) const {
    return offsets_[i] < blob_.size() ? std::string_view(blob_.data() + offsets_[i]) : std::string_view();
  }
  std::size_t size() const { return offsets_.size(); }
  std::string_view blob() const { return blob_; }
  std::span<const std::uint32_t> offsets() const { return offsets_; }

 private:
  std::string_view blob_;
  std::span<const std::uint32_t> offsets_;
};

}  // namespace copydesk
