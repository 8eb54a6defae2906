// Open-addressing hash map from a nonzero 64-bit key to a 64-bit value, for the tagger's
// feature, dictionary and lexicon lookups. Keys are already hashes, so their low bits
// pick the slot. A KeyView reads the same slots wherever they are: in a KeyTable being
// built, or in a compiled model mapped from disk.
#pragma once
#include <cstdint>
#include <span>
#include <vector>

namespace copydesk::tagger {

struct KeySlot {
  std::uint64_t key = 0;  // 0: empty
  std::uint64_t value = 0;
};

class KeyView {
 public:
  KeyView() = default;
  // slots.size() is a power of two with at least one empty slot (or zero).
  explicit KeyView(std::span<const KeySlot> slots) : slots_(slots) {}
  const std::uint64_t* find(std::uint64_t key) const {
    if (slots_.empty()) return nullptr;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = key & mask;; i = (i + 1) & mask) {
      if (slots_[i].key == key) return &slots_[i].value;
      if (slots_[i].key == 0) return nullptr;
    }
  }
  // Asks the memory for the key's first slot ahead of find(), so that many look-ups wait
  // for memory at once instead of one after another.
  void prefetch(std::uint64_t key) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[key & (slots_.size() - 1)]);
  }
  std::span<const KeySlot> slots() const { return slots_; }

 private:
  std::span<const KeySlot> slots_;
};

class KeyTable {
 public:
  using Slot = KeySlot;
  void reserve(std::size_t count);
  // Sets the value of key, adding it if absent.
  void insert(std::uint64_t key, std::uint64_t value);
  const std::uint64_t* find(std::uint64_t key) const { return view().find(key); }
  std::size_t size() const { return size_; }
  // Every slot, empty ones included, for writing the table out.
  std::span<const Slot> slots() const { return slots_; }
  KeyView view() const { return KeyView(slots_); }

 private:
  std::vector<Slot> slots_;
  std::size_t size_ = 0;
};

}  // namespace copydesk::tagger
