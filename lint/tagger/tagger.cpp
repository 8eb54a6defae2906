#include "tagger/tagger.hpp"

#include "tagger/features.hpp"
#include "tagger/perceptron.hpp"

namespace copydesk {

namespace {

// Tags left to right, each word seeing the tags already chosen for the two before it.
class PerceptronTagger final : public Tagger {
 public:
  explicit PerceptronTagger(tagger::PerceptronModel model) : model_(std::move(model)) {}

  void tag(const std::vector<std::string_view>& words, std::vector<Pos>& tags) const override {
    // One set of buffers per thread, reused sentence after sentence: the tagger is shared.
    thread_local tagger::SentenceFeatures sentence;
    thread_local std::vector<tagger::FeatureKey> features;
    thread_local std::vector<tagger::FeatureKey> word_keys;
    tags.assign(words.size(), Pos::None);
    word_keys.clear();
    for (std::string_view w : words) {
      word_keys.push_back(tagger::word_key(w));
      model_.prefetch_dictionary(word_keys.back());
    }
    sentence.assign(words, model_.lexicon());
    Pos previous = Pos::None;
    Pos before_previous = Pos::None;
    for (std::size_t i = 0; i < words.size(); ++i) {
      std::optional<Pos> tag = model_.dictionary_tag(word_keys[i]);
      if (!tag) {
        features.clear();
        sentence.collect(i, previous, before_previous, features);
        tag = model_.best_tag(features);
      }
      tags[i] = *tag;
      before_previous = previous;
      previous = *tag;
    }
  }

 private:
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
