#include "tagger/tagger.hpp"

#include <atomic>

#include "tagger/features.hpp"
#include "tagger/perceptron.hpp"
#include "tagger/word_cache.hpp"

namespace copydesk {

namespace {

// Words whose rows a thread keeps (WordCache): about 700 bytes each, and enough for the
// common words of a long text to stay between one forgetting and the next. Half as many
// made a tenth more tagging work (callgrind, 1 MB: 438 M instructions against 391 M).
constexpr std::size_t kCachedWords = 1 << 14;

// Tags left to right, each word seeing the tags already chosen for the two before it.
class PerceptronTagger final : public Tagger {
 public:
  explicit PerceptronTagger(tagger::PerceptronModel model) : model_(std::move(model)) {}

  void tag(const std::vector<std::string_view>& words, std::vector<Pos>& tags) const override {
    // One cache per thread, as the tagger is shared; made anew when a thread goes from one
    // tagger to another (a serial number, unlike an address, is never reused).
    thread_local std::uint64_t cache_owner = 0;
    thread_local std::unique_ptr<tagger::WordCache> thread_cache;
    if (cache_owner != serial_) {
      thread_cache = std::make_unique<tagger::WordCache>(model_, kCachedWords);
      cache_owner = serial_;
    }
    thread_cache->tag(words, tags);
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
