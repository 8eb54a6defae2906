#include "tagger/key_table.hpp"

namespace copydesk::tagger {

void KeyTable::reserve(std::size_t count) {
  // At most two thirds full keeps probe sequences short and the table small enough for the
  // memory caches to hold much of it.
  std::size_t capacity = 16;
  while (2 * capacity < 3 * count) capacity *= 2;
  if (capacity <= slots_.size()) return;
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(capacity, Slot{});
  size_ = 0;
  for (const Slot& s : old) {
    if (s.key != 0) insert(s.key, s.value);
  }
}

void KeyTable::insert(std::uint64_t key, std::uint64_t value) {
  if (3 * (size_ + 1) > 2 * slots_.size()) reserve(2 * (size_ + 1));
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = key & mask;; i = (i + 1) & mask) {
    if (slots_[i].key == key) {
      slots_[i].value = value;
      return;
    }
    if (slots_[i].key == 0) {
      slots_[i] = {key, value};
      ++size_;
      return;
    }
  }
}

}  // namespace copydesk::tagger
