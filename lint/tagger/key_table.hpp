// Open-addressing hash map from a nonzero 64-bit key to a 64-bit value, for the tagger's
// feature, dictionary and lexicon lookups. Keys are already hashes, so their low bits
// pick the slot.
#pragma once
#include <cstdint>
#include <span>
#include <vector>

namespace copydesk::tagger {

class KeyTable {
 public:
  struct Slot {
    std::uint64_t key = 0;  // 0: empty
    std::uint64_t value = 0;
  };
  void reserve(std::size_t count);
  // Sets the value of key, adding it if absent.
  void insert(std::uint64_t key, std::uint64_t value);
  const std::uint64_t* find(std::uint64_t key) const;
  std::size_t size() const { return size_; }
  // Every slot, empty ones included, for writing the table out.
  std::span<const Slot> slots() const { return slots_; }

 private:
  std::vector<Slot> slots_;
  std::size_t size_ = 0;
};

}  // namespace copydesk::tagger
