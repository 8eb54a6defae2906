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
    tags.assign(words.size(), Pos::None);
    const tagger::SentenceFeatures sentence(words, model_.lexicon());
    std::vector<tagger::FeatureKey> features;
    Pos previous = Pos::None;
    Pos before_previous = Pos::None;
    for (std::size_t i = 0; i < words.size(); ++i) {
      std::optional<Pos> tag = model_.dictionary_tag(tagger::word_key(words[i]));
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

}  // namespace copydesk
