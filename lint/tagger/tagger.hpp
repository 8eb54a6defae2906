// Part-of-speech tagger: an averaged perceptron trained by tools/train_tagger on the
// UD English EWT treebank; the model ships in models/en-pos.model.
#pragma once
#include <filesystem>
#include <memory>
#include <string_view>
#include <vector>

#include "base/pos.hpp"

namespace copydesk {

class Tagger {
 public:
  virtual ~Tagger() = default;
  // Loads a model file; throws std::runtime_error saying what is wrong and where.
  static std::unique_ptr<Tagger> load(const std::filesystem::path& model);
  // The shipped model, data_dir/models/en-pos.model: mapped from its compiled form
  // (en-pos.bin in data_dir or the build folder, made by tools/build_tagger) when that was
  // made from this very model, else read from the model file.
  static std::unique_ptr<Tagger> shipped(const std::filesystem::path& data_dir);
  // Tags one sentence: words are its tokens in order (punctuation included). Safe to call
  // from many threads at once: each keeps what it looked up for the words it met last (up
  // to about 11 MB, until the thread ends or uses another tagger).
  virtual void tag(const std::vector<std::string_view>& words, std::vector<Pos>& tags) const = 0;
};

}  // namespace copydesk
