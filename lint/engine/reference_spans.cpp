#include "engine/reference_spans.hpp"

#include <algorithm>

namespace copydesk {
namespace {

// The reference holding byte `at`, if any; `references` are sorted and do not overlap.
const TextSpan* holding(const std::vector<TextSpan>& references, std::size_t at) {
  auto it = std::upper_bound(references.begin(), references.end(), at,
                             [](std::size_t a, const TextSpan& r) { return a < r.offset; });
  if (it == references.begin()) return nullptr;
  --it;
  return at < it->offset + it->length ? &*it : nullptr;
}

template <typename Span>
void widen(const std::vector<TextSpan>& references, Span& span) {
  std::size_t begin = span.offset, end = span.offset + span.length;
  if (const TextSpan* r = holding(references, begin)) begin = r->offset;
  if (end > begin)
    if (const TextSpan* r = holding(references, end - 1)) end = r->offset + r->length;
  span.offset = begin;
  span.length = end - begin;
}

}  // namespace

void widen_to_references(const std::vector<TextSpan>& references, std::vector<Diagnostic>& diagnostics) {
  if (references.empty()) return;
  for (Diagnostic& d : diagnostics) {
    widen(references, d);
    for (Related& r : d.related) widen(references, r);
  }
}

}  // namespace copydesk
