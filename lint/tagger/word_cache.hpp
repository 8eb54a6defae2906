// What the tagger finds for a word wherever it stands: its forms, its tag in the dictionary,
// the rows of the features of the word alone (WordFeature) and the sum of those summed first,
// kept for the words met last,
// so that a word met again costs one look-up here instead of hashing and looking up some
// thirty features; and the rows of the features of the two tags before a word (TagFeature),
// kept for every pair of tags met. Only the other features of context are then looked up
// per word tagged.
#pragma once
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "tagger/features.hpp"
#include "tagger/perceptron.hpp"

namespace copydesk::tagger {

// Not shared between threads: a tagger keeps one per thread. Holds at most `capacity`
// words (beyond that, only those of the sentence being tagged) and forgets them all when full.
class WordCache {
 public:
  struct Entry {
    WordForms forms;
    // std::hash of forms.text, which finds the word here: quicker than word_key (a byte at a
    // time), which is needed only for a word met first.
    std::size_t hash = 0;
    std::optional<Pos> dictionary_tag;
    WordItems<PerceptronModel::Row> rows{};
    // The sum of the rows of the word's leading features (for_each_leading_feature), which
    // every scoring of the word starts from, for the casing it was summed for (a known
    // word's do not depend on it); none until the word is first scored.
    PerceptronModel::Scores leading{};
    std::optional<Casing> leading_casing;
  };

  // model: outlives the cache.
  WordCache(const PerceptronModel& model, std::size_t capacity);
  // Tags one sentence, words its tokens in order, as Tagger::tag does.
  void tag(const std::vector<std::string_view>& words, std::vector<Pos>& tags);

  // Makes room for `words` more words, forgetting every word kept when they would not fit:
  // the indexes find_or_add gives stay valid until the next call.
  void make_room(std::size_t words);
  // The index of word's entry, made if the word is not kept.
  std::uint32_t find_or_add(std::string_view word);
  const Entry& operator[](std::uint32_t index) const { return entries_[index]; }
  // The places before a sentence's first word and after its last.
  const Entry& before_start() const { return before_start_; }
  const Entry& after_end() const { return after_end_; }
  // The rows of the TagFeatures given the tags of the two words before.
  const TagItems<PerceptronModel::Row>& tag_rows(Pos previous, Pos before_previous);
  // Words kept now.
  std::size_t size() const { return used_; }
  std::size_t capacity() const { return capacity_; }

 private:
  void fill_rows(Entry& entry) const;
  // entry.leading, summed for a sentence of this casing.
  const PerceptronModel::Scores& leading_scores(Entry& entry, Casing casing) const;

  const PerceptronModel& model_;
  std::size_t capacity_;
  // Entries past used_ are ones forgotten, kept so that their strings' buffers are reused.
  std::vector<Entry> entries_;
  std::size_t used_ = 0;
  // Open addressing by word key: index of an entry + 1, or 0 for an empty slot.
  std::vector<std::uint32_t> slots_;
  Entry before_start_;
  Entry after_end_;
  // By previous * Pos::Count + before_previous; found only when asked for.
  std::vector<TagItems<PerceptronModel::Row>> tag_rows_;
  std::vector<bool> tag_rows_found_;
  std::vector<std::uint32_t> sentence_;  // entries of the sentence tagged, kept for the buffer
};

}  // namespace copydesk::tagger
