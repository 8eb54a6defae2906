// Trains the part-of-speech tagger's averaged perceptron on UD English EWT and writes the
// model that Tagger::load reads, then reports its accuracy and speed on the held-out splits.
//
//   train_tagger [--tune] <corpus dir with en_ewt-ud-{train,dev,test}.conllu> <model out> [iterations]
//
// With --tune it trains on the train split alone and reports dev, for choosing settings;
// without, it trains the shipped model on train and dev. The test split is never trained
// on, so its accuracy is the figure to quote.
#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <numeric>
#include <random>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

#include "tagger/features.hpp"
#include "tagger/perceptron.hpp"
#include "tagger/tagger.hpp"

namespace {

using copydesk::Pos;
using copydesk::tagger::FeatureKey;
using copydesk::tagger::PerceptronModel;
using Clock = std::chrono::steady_clock;

constexpr std::size_t kTagCount = static_cast<std::size_t>(Pos::Count);

// A word goes in the tag dictionary, and is tagged without scoring, when it is frequent
// and almost always has the same tag.
constexpr int kDictionaryMinCount = 20;
constexpr double kDictionaryMinShare = 0.97;
// A word's lexicon entry leaves out the tags it rarely has, which would blur what it looks like.
constexpr double kLexiconMinShare = 0.05;
constexpr std::size_t kLexiconFolds = 10;
// Averaged weights this close to zero hardly change a score; dropping them keeps the model small.
constexpr float kPruneBelow = 0.3F;
constexpr int kDefaultIterations = 8;

struct Sentence {
  std::vector<std::string> words;
  std::vector<Pos> tags;
  std::vector<std::string_view> views() const { return {words.begin(), words.end()}; }
};

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> fields;
  for (std::size_t start = 0;;) {
    const std::size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab - start));
    if (tab == std::string_view::npos) return fields;
    start = tab + 1;
  }
}

// Reads FORM and XPOS of each word; multiword tokens ("1-2") and empty nodes ("1.1") are
// not words of the surface text, so they are skipped.
std::vector<Sentence> read_conllu(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw std::runtime_error(file.string() + ": cannot open");
  std::vector<Sentence> sentences(1);
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.empty()) {
      if (!sentences.back().words.empty()) sentences.emplace_back();
      continue;
    }
    if (line[0] == '#') continue;
    const std::vector<std::string_view> fields = split_tabs(line);
    if (fields.size() != 10) throw std::runtime_error(file.string() + ":" + std::to_string(number) + ": not 10 columns");
    if (fields[0].find_first_of("-.") != std::string_view::npos) continue;
    const std::optional<Pos> tag = copydesk::pos_from_name(fields[4]);
    if (!tag) throw std::runtime_error(file.string() + ":" + std::to_string(number) + ": unknown XPOS " + std::string(fields[4]));
    sentences.back().words.emplace_back(fields[1]);
    sentences.back().tags.push_back(*tag);
  }
  if (sentences.back().words.empty()) sentences.pop_back();
  return sentences;
}

std::size_t token_count(const std::vector<Sentence>& sentences) {
  std::size_t n = 0;
  for (const Sentence& s : sentences) n += s.words.size();
  return n;
}

// Weights while training, with what the average needs: each weight's running sum over
// all steps, brought up to date lazily only when the weight changes.
class Trainer {
 public:
  Trainer(std::vector<Pos> tags, const copydesk::tagger::Lexicon& lexicon) : tags_(std::move(tags)), lexicon_(lexicon) {}

  Pos predict(const std::vector<FeatureKey>& features) const {
    std::array<double, kTagCount> scores{};
    for (FeatureKey f : features) {
      const auto row = rows_.find(f);
      if (row == rows_.end()) continue;
      for (const Entry& e : row->second) scores[static_cast<std::size_t>(e.tag)] += e.weight;
    }
    Pos best = tags_.front();
    for (Pos t : tags_) {
      if (scores[static_cast<std::size_t>(t)] > scores[static_cast<std::size_t>(best)]) best = t;
    }
    return best;
  }

  // One training example: moves weight from the guessed tag to the true one if they differ.
  void learn(const std::vector<FeatureKey>& features, Pos truth, Pos guess) {
    ++step_;
    if (truth == guess) return;
    for (FeatureKey f : features) {
      std::vector<Entry>& row = rows_[f];
      entry(row, truth).add(step_, 1.0F);
      entry(row, guess).add(step_, -1.0F);
    }
  }

  PerceptronModel averaged(const std::unordered_map<FeatureKey, Pos>& dictionary) const {
    PerceptronModel model(tags_, lexicon_);
    for (const auto& [word, tag] : dictionary) model.add_dictionary_word(word, tag);
    std::vector<PerceptronModel::Weight> kept;
    for (const auto& [feature, row] : rows_) {
      kept.clear();
      for (const Entry& e : row) {
        const auto average = static_cast<float>((e.total + (step_ - e.stamp) * double{e.weight}) / step_);
        if (std::fabs(average) >= kPruneBelow) kept.push_back({e.tag, average});
      }
      if (!kept.empty()) model.add_feature(feature, kept);
    }
    return model;
  }

  std::size_t feature_count() const { return rows_.size(); }

 private:
  struct Entry {
    Pos tag;
    float weight = 0;
    double total = 0;  // sum of weight over steps before stamp
    std::uint64_t stamp = 0;
    void add(std::uint64_t now, float delta) {
      total += static_cast<double>(now - stamp) * weight;
      stamp = now;
      weight += delta;
    }
  };
  static Entry& entry(std::vector<Entry>& row, Pos tag) {
    for (Entry& e : row) {
      if (e.tag == tag) return e;
    }
    return row.emplace_back(Entry{tag});
  }

  std::vector<Pos> tags_;
  const copydesk::tagger::Lexicon& lexicon_;
  std::unordered_map<FeatureKey, std::vector<Entry>> rows_;
  std::uint64_t step_ = 0;
};

using TagCounts = std::unordered_map<FeatureKey, std::array<int, kTagCount>>;

TagCounts count_tags(const std::vector<Sentence>& sentences, FeatureKey (*key)(std::string_view)) {
  TagCounts counts;
  for (const Sentence& s : sentences) {
    for (std::size_t i = 0; i < s.words.size(); ++i) ++counts[key(s.words[i])][static_cast<std::size_t>(s.tags[i])];
  }
  return counts;
}

int sum(const std::array<int, kTagCount>& counts) {
  int total = 0;
  for (int c : counts) total += c;
  return total;
}

// Word key -> tag, for the words tagged without scoring.
std::unordered_map<FeatureKey, Pos> build_dictionary(const std::vector<Sentence>& sentences) {
  std::unordered_map<FeatureKey, Pos> dictionary;
  for (const auto& [word, by_tag] : count_tags(sentences, copydesk::tagger::word_key)) {
    const auto top = std::max_element(by_tag.begin(), by_tag.end());
    const int total = sum(by_tag);
    if (total >= kDictionaryMinCount && *top >= kDictionaryMinShare * total) {
      dictionary.emplace(word, static_cast<Pos>(top - by_tag.begin()));
    }
  }
  return dictionary;
}

copydesk::tagger::Lexicon build_lexicon(const std::vector<Sentence>& sentences) {
  copydesk::tagger::Lexicon lexicon;
  for (const auto key : {copydesk::tagger::Lexicon::key, copydesk::tagger::Lexicon::uncased_key}) {
    for (const auto& [word, by_tag] : count_tags(sentences, key)) {
      const int total = sum(by_tag);
      copydesk::tagger::TagSet tags = 0;
      for (std::size_t t = 0; t < kTagCount; ++t) {
        if (by_tag[t] > 0 && by_tag[t] >= kLexiconMinShare * total) tags |= copydesk::tagger::tag_bit(static_cast<Pos>(t));
      }
      lexicon.add(word, tags);
    }
  }
  return lexicon;
}

std::vector<Pos> tags_seen(const std::vector<Sentence>& sentences) {
  std::array<bool, kTagCount> seen{};
  for (const Sentence& s : sentences) {
    for (Pos t : s.tags) seen[static_cast<std::size_t>(t)] = true;
  }
  std::vector<Pos> tags;
  for (std::size_t t = 0; t < kTagCount; ++t) {
    if (seen[t]) tags.push_back(static_cast<Pos>(t));
  }
  return tags;
}

PerceptronModel train(const std::vector<Sentence>& sentences, int iterations) {
  const std::unordered_map<FeatureKey, Pos> dictionary = build_dictionary(sentences);
  const copydesk::tagger::Lexicon lexicon = build_lexicon(sentences);
  Trainer trainer(tags_seen(sentences), lexicon);

  // A lexicon built from the sentences it is used on always knows their words and their
  // tags, which the model would learn to trust more than it should on new text. So each
  // sentence is trained with the lexicon of the other folds, as if it were new text.
  std::vector<copydesk::tagger::Lexicon> fold_lexicons;
  for (std::size_t fold = 0; fold < kLexiconFolds; ++fold) {
    std::vector<Sentence> others;
    for (std::size_t i = 0; i < sentences.size(); ++i) {
      if (i % kLexiconFolds != fold) others.push_back(sentences[i]);
    }
    fold_lexicons.push_back(build_lexicon(others));
  }
  std::vector<std::size_t> order(sentences.size());
  std::iota(order.begin(), order.end(), 0);

  std::mt19937 shuffle_order(20240501);  // fixed, so a retrained model is the same model
  std::vector<FeatureKey> features;
  for (int iteration = 1; iteration <= iterations; ++iteration) {
    const auto start = Clock::now();
    std::size_t correct = 0;
    std::size_t total = 0;
    for (std::size_t index : order) {
      const Sentence& s = sentences[index];
      const std::vector<std::string_view> words = s.views();
      const copydesk::tagger::SentenceFeatures sentence(words, fold_lexicons[index % kLexiconFolds].view());
      Pos previous = Pos::None;
      Pos before_previous = Pos::None;
      for (std::size_t i = 0; i < words.size(); ++i) {
        Pos guess;
        if (const auto known = dictionary.find(copydesk::tagger::word_key(s.words[i])); known != dictionary.end()) {
          guess = known->second;
        } else {
          features.clear();
          sentence.collect(i, previous, before_previous, features);
          guess = trainer.predict(features);
          trainer.learn(features, s.tags[i], guess);
        }
        correct += guess == s.tags[i];
        ++total;
        before_previous = previous;
        previous = guess;
      }
    }
    std::printf("iteration %d: train accuracy %.2f%%, %zu features, %.1f s\n", iteration, 100.0 * correct / total,
                trainer.feature_count(), std::chrono::duration<double>(Clock::now() - start).count());
    std::shuffle(order.begin(), order.end(), shuffle_order);
  }
  return trainer.averaged(dictionary);
}

struct Evaluation {
  double accuracy;
  std::size_t tokens;
  double seconds;
};

Evaluation evaluate(const copydesk::Tagger& tagger, const std::vector<Sentence>& sentences) {
  std::size_t correct = 0;
  std::size_t total = 0;
  std::vector<Pos> tags;
  const auto start = Clock::now();
  for (const Sentence& s : sentences) {
    tagger.tag(s.views(), tags);
    for (std::size_t i = 0; i < tags.size(); ++i) correct += tags[i] == s.tags[i];
    total += tags.size();
  }
  return {static_cast<double>(correct) / total, total, std::chrono::duration<double>(Clock::now() - start).count()};
}

}  // namespace

int main(int argc, char** argv) {
  const bool tune = argc > 1 && std::string(argv[1]) == "--tune";
  if (tune) {
    --argc;
    ++argv;
  }
  if (argc < 3 || argc > 4) {
    std::cerr << "usage: train_tagger [--tune] <corpus dir> <model out> [iterations]\n";
    return 2;
  }
  try {
    const std::filesystem::path corpus = argv[1];
    const std::filesystem::path model_file = argv[2];
    const int iterations = argc == 4 ? std::stoi(argv[3]) : kDefaultIterations;

    std::vector<Sentence> training = read_conllu(corpus / "en_ewt-ud-train.conllu");
    if (!tune) {
      const std::vector<Sentence> dev = read_conllu(corpus / "en_ewt-ud-dev.conllu");
      training.insert(training.end(), dev.begin(), dev.end());
    }
    std::printf("training on %zu sentences, %zu tokens, %d iterations\n", training.size(), token_count(training), iterations);
    const PerceptronModel model = train(training, iterations);
    model.write(model_file);
    std::printf("wrote %s: %zu features, %zu weights, %zu dictionary words, %ju bytes\n", model_file.c_str(),
                model.feature_count(), model.weight_count(), model.dictionary_size(),
                static_cast<std::uintmax_t>(std::filesystem::file_size(model_file)));

    // Measure the model as shipped: read back from the file, through the public interface.
    const auto load_start = Clock::now();
    const std::unique_ptr<copydesk::Tagger> tagger = copydesk::Tagger::load(model_file);
    std::printf("load: %.1f ms\n", std::chrono::duration<double, std::milli>(Clock::now() - load_start).count());
    std::size_t tokens = 0;
    double seconds = 0;
    for (const char* split : tune ? std::vector<const char*>{"dev", "test"} : std::vector<const char*>{"test"}) {
      const Evaluation e = evaluate(*tagger, read_conllu(corpus / ("en_ewt-ud-" + std::string(split) + ".conllu")));
      std::printf("%s accuracy (XPOS): %.2f%% of %zu tokens\n", split, 100 * e.accuracy, e.tokens);
      tokens += e.tokens;
      seconds += e.seconds;
    }
    std::printf("tagging speed: %.0f tokens/s\n", tokens / seconds);
  } catch (const std::exception& e) {
    std::cerr << "train_tagger: " << e.what() << '\n';
    return 1;
  }
}
