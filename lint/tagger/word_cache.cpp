#include "tagger/word_cache.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <functional>

namespace copydesk::tagger {

namespace {
constexpr auto kTags = static_cast<std::size_t>(Pos::Count);
constexpr std::size_t kTagPairs = kTags * kTags;
}  // namespace

WordCache::WordCache(const PerceptronModel& model, std::size_t capacity)
    // At most half full, so that probe sequences stay short.
    : model_(model),
      capacity_(capacity),
      slots_(std::bit_ceil(2 * std::max<std::size_t>(capacity, 1))),
      tag_rows_(kTagPairs),
      tag_rows_found_(kTagPairs) {
  // All the room at once: growing would move every entry kept, strings and all.
  entries_.reserve(capacity_);
  before_start_.forms = tagger::before_start();
  after_end_.forms = tagger::after_end();
  fill_rows(before_start_);
  fill_rows(after_end_);
}

void WordCache::fill_rows(Entry& entry) const {
  WordItems<FeatureKey> keys;
  word_keys(entry.forms, keys);
  model_.rows(keys, entry.rows);
}

void WordCache::make_room(std::size_t words) {
  if (used_ + words <= capacity_) return;
  used_ = 0;
  std::fill(slots_.begin(), slots_.end(), 0);
}

std::uint32_t WordCache::find_or_add(std::string_view word) {
  const std::size_t hash = std::hash<std::string_view>{}(word);
  const std::size_t mask = slots_.size() - 1;
  std::size_t slot = hash & mask;
  for (; slots_[slot] != 0; slot = (slot + 1) & mask) {
    const Entry& kept = entries_[slots_[slot] - 1];
    if (kept.hash == hash && kept.forms.text == word) return slots_[slot] - 1;
  }
  const auto index = static_cast<std::uint32_t>(used_++);
  if (index == entries_.size()) entries_.emplace_back();
  Entry& entry = entries_[index];
  word_forms(word, model_.lexicon(), entry.forms);
  entry.hash = hash;
  entry.dictionary_tag = model_.dictionary_tag(word_key(word));
  fill_rows(entry);
  entry.leading_casing.reset();
  // A sentence longer than the capacity keeps its extra words unfound, beyond the slots' room.
  if (index < capacity_) slots_[slot] = index + 1;
  return index;
}

void WordCache::tag(const std::vector<std::string_view>& words, std::vector<Pos>& tags) {
  make_room(words.size());
  sentence_.clear();
  std::uint8_t letters = 0;
  for (std::string_view w : words) {
    sentence_.push_back(find_or_add(w));
    letters |= entries_[sentence_.back()].forms.letters;
  }
  auto at = [&](std::ptrdiff_t i) -> const Entry& {
    if (i < 0) return before_start_;
    if (i >= static_cast<std::ptrdiff_t>(sentence_.size())) return after_end_;
    return entries_[sentence_[static_cast<std::size_t>(i)]];
  };

  const Casing casing = sentence_casing(letters);
  tags.assign(words.size(), Pos::None);
  Pos previous = Pos::None;
  Pos before_previous = Pos::None;
  for (std::size_t index = 0; index < words.size(); ++index) {
    const auto i = static_cast<std::ptrdiff_t>(index);
    Entry& word = entries_[sentence_[index]];
    std::optional<Pos> tag = word.dictionary_tag;
    if (!tag) {
      const PerceptronModel::Scores& leading = leading_scores(word, casing);
      ContextItems<FeatureKey> keys;
      context_keys(at(i - 1).forms, word.forms, at(i + 1).forms, previous, keys);
      ContextItems<PerceptronModel::Row> context;
      model_.rows(keys, context);
      const Around<PerceptronModel::Row> around{&at(i - 2).rows, &at(i - 1).rows, &word.rows, &at(i + 1).rows,
                                                &at(i + 2).rows};
      // Rows of features the word lacks (0) go in too: best_tag_of_rows skips them, more cheaply
      // than a test here.
      std::array<PerceptronModel::Row, kMaxFeatures> rows;
      std::size_t count = 0;
      for_each_following_feature(around, tag_rows(previous, before_previous), context, word.forms.known(), casing,
                                 index == 0, [&](PerceptronModel::Row row) { rows[count++] = row; });
      tag = model_.best_tag_of_rows(leading, std::span(rows).first(count));
    }
    tags[index] = *tag;
    before_previous = previous;
    previous = *tag;
  }
}

const PerceptronModel::Scores& WordCache::leading_scores(Entry& entry, Casing casing) const {
  const bool known = entry.forms.known();
  if (!entry.leading_casing || (!known && *entry.leading_casing != casing)) {
    std::array<PerceptronModel::Row, kMaxFeatures> rows;
    std::size_t count = 0;
    for_each_leading_feature(entry.rows, known, casing, [&](PerceptronModel::Row row) { rows[count++] = row; });
    entry.leading = model_.no_scores();
    model_.add_rows(std::span(rows).first(count), entry.leading);
    entry.leading_casing = casing;
  }
  return entry.leading;
}

const TagItems<PerceptronModel::Row>& WordCache::tag_rows(Pos previous, Pos before_previous) {
  const std::size_t pair = static_cast<std::size_t>(previous) * kTags + static_cast<std::size_t>(before_previous);
  if (!tag_rows_found_[pair]) {
    TagItems<FeatureKey> keys;
    tag_keys(previous, before_previous, keys);
    model_.rows(keys, tag_rows_[pair]);
    tag_rows_found_[pair] = true;
  }
  return tag_rows_[pair];
}

}  // namespace copydesk::tagger

