#include "tagger/tagger.hpp"

#include <array>
#include <atomic>

#include "tagger/features.hpp"
#include "tagger/perceptron.hpp"
#include "tagger/word_cache.hpp"

namespace copydesk {

namespace {

// Words whose rows a thread keeps (WordCache): about 400 bytes each, and enough for the
// common words of a long text to stay between one forgetting and the next.
constexpr std::size_t kCachedWords = 1 << 14;

// Tags left to right, each word seeing the tags already chosen for the two before it.
class PerceptronTagger final : public Tagger {
 public:
  explicit PerceptronTagger(tagger::PerceptronModel model) : model_(std::move(model)) {}

  void tag(const std::vector<std::string_view>& words, std::vector<Pos>& tags) const override {
    using tagger::PerceptronModel;
    // One cache per thread, as the tagger is shared; made anew when a thread goes from one
    // tagger to another (a serial number, unlike an address, is never reused).
    thread_local std::uint64_t cache_owner = 0;
    thread_local std::unique_ptr<tagger::WordCache> thread_cache;
    thread_local std::vector<std::uint32_t> thread_entries;
    if (cache_owner != serial_) {
      thread_cache = std::make_unique<tagger::WordCache>(model_, kCachedWords);
      cache_owner = serial_;
    }
    // Plain references from here on: a thread_local is looked up again at every use.
    tagger::WordCache& cache = *thread_cache;
    std::vector<std::uint32_t>& entries = thread_entries;
    cache.make_room(words.size());
    entries.clear();
    std::uint8_t letters = 0;
    for (std::string_view w : words) {
      entries.push_back(cache.find_or_add(w));
      letters |= cache[entries.back()].forms.letters;
    }
    auto at = [&](std::ptrdiff_t i) -> const tagger::WordCache::Entry& {
      if (i < 0) return cache.before_start();
      if (i >= static_cast<std::ptrdiff_t>(entries.size())) return cache.after_end();
      return cache[entries[static_cast<std::size_t>(i)]];
    };

    const tagger::Casing casing = tagger::sentence_casing(letters);
    tags.assign(words.size(), Pos::None);
    Pos previous = Pos::None;
    Pos before_previous = Pos::None;
    for (std::size_t index = 0; index < words.size(); ++index) {
      const auto i = static_cast<std::ptrdiff_t>(index);
      const tagger::WordCache::Entry& word = at(i);
      std::optional<Pos> tag = word.dictionary_tag;
      if (!tag) {
        tagger::ContextItems<tagger::FeatureKey> keys;
        tagger::context_keys(at(i - 1).forms, word.forms, at(i + 1).forms, previous, keys);
        tagger::ContextItems<PerceptronModel::Row> context;
        model_.rows(keys, context);
        const tagger::Around<PerceptronModel::Row> around{&at(i - 2).rows, &at(i - 1).rows, &word.rows, &at(i + 1).rows,
                                                          &at(i + 2).rows};
        std::array<PerceptronModel::Row, tagger::kMaxFeatures> rows;
        std::size_t count = 0;
        tagger::for_each_feature(around, cache.tag_rows(previous, before_previous), context, casing, index == 0,
                                 [&](PerceptronModel::Row row) {
                                   if (row != 0) rows[count++] = row;
                                 });
        tag = model_.best_tag_of_rows(std::span(rows).first(count));
      }
      tags[index] = *tag;
      before_previous = previous;
      previous = *tag;
    }
  }

 private:
  static inline std::atomic<std::uint64_t> next_serial_{1};
  const std::uint64_t serial_ = next_serial_++;
  tagger::PerceptronModel model_;
};

}  // namespace

std::unique_ptr<Tagger> Tagger::load(const std::filesystem::path& model) {
  return std::make_unique<PerceptronTagger>(tagger::PerceptronModel::read(model));
}

std::unique_ptr<Tagger> Tagger::shipped(const std::filesystem::path& data_dir) {
  const std::filesystem::path model = data_dir / "models" / "en-pos.model";
  const std::uint64_t checksum = tagger::PerceptronModel::model_checksum(model);
  for (const std::filesystem::path& compiled : {data_dir / "en-pos.bin", std::filesystem::path(COPYDESK_BUILD_DIR) / "en-pos.bin"})
    if (auto mapped = tagger::PerceptronModel::map(compiled, checksum)) return std::make_unique<PerceptronTagger>(std::move(*mapped));
  return load(model);
}

}  // namespace copydesk
