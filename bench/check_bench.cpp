// Benchmarks of the whole check on about 1 MB of news text, one thread.
// The text: every .txt under $COPYDESK_BENCH_CORPUS (default ../shared/corpus/news-clean
// and the seed), concatenated and repeated up to 1 MB.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "copydesk/copydesk.hpp"
#include "document/document.hpp"
#include "engine/engine.hpp"
#include "lm/language_model.hpp"
#include "tagger/tagger.hpp"

namespace fs = std::filesystem;
using namespace copydesk;

namespace {

constexpr std::size_t kTargetBytes = 1 << 20;

const std::string& bench_text() {
  static const std::string text = [] {
    std::vector<fs::path> dirs;
    if (const char* env = std::getenv("COPYDESK_BENCH_CORPUS")) dirs.emplace_back(env);
    else dirs = {fs::path(COPYDESK_SOURCE_DIR) / "../shared/corpus/news-clean",
                 fs::path(COPYDESK_SOURCE_DIR) / "../shared/corpus/seed", fs::path(COPYDESK_SOURCE_DIR) / "examples"};
    std::vector<fs::path> files;
    for (const auto& d : dirs) {
      std::error_code ec;
      for (const auto& e : fs::recursive_directory_iterator(d, ec))
        // examples/embed/CMakeLists.txt is a build script, not an article.
        if (e.path().extension() == ".txt" && e.path().filename() != "CMakeLists.txt") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    std::string all;
    while (!files.empty() && all.size() < kTargetBytes) {
      for (const auto& f : files) {
        std::ifstream in(f, std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        all += ss.str() + "\n\n";
        if (all.size() >= kTargetBytes) break;
      }
    }
    return all;
  }();
  return text;
}

// Rule ids of one category, or all when the category is empty.
std::vector<std::string> rules_of(const std::string& category) {
  Options all;
  all.models = false;
  const Linter linter(all);
  std::vector<std::string> ids;
  for (const RuleInfo& r : linter.rules())
    if (r.enabled && (category.empty() || r.category == category)) ids.push_back(r.id);
  return ids;
}

void run_check(benchmark::State& state, const std::string& category) {
  Options options;
  options.only = rules_of(category);
  if (options.only.empty()) options.only = {"none"};
  const Linter linter(options);
  // The first check opens the per-thread resources (Hunspell's dictionaries): not timed.
  linter.check("", "bench.txt");
  const std::string& text = bench_text();
  std::size_t words = 0;
  for (auto _ : state) {
    const Result r = linter.check(text, "bench.txt");
    words = r.words;
    benchmark::DoNotOptimize(r.diagnostics.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["words/s"] = benchmark::Counter(static_cast<double>(words * state.iterations()), benchmark::Counter::kIsRate);
}

void BM_WholeCheck(benchmark::State& state) { run_check(state, ""); }
// Segmentation, dictionary look-ups and tagging only: what every check shares.
void BM_DocumentOnly(benchmark::State& state) { run_check(state, "none"); }
void BM_Spelling(benchmark::State& state) { run_check(state, "spelling"); }
void BM_Names(benchmark::State& state) { run_check(state, "names"); }
void BM_Garbled(benchmark::State& state) { run_check(state, "garbled"); }
void BM_Repetition(benchmark::State& state) { run_check(state, "repetition"); }
void BM_Punctuation(benchmark::State& state) { run_check(state, "punctuation"); }
void BM_Artifacts(benchmark::State& state) { run_check(state, "artifacts"); }
void BM_Style(benchmark::State& state) { run_check(state, "style"); }

}  // namespace

// Start-up cost of the language model that garbled.unlikely-sentence reads.
void BM_LanguageModelLoad(benchmark::State& state) {
  for (auto _ : state) {
    const LanguageModel lm(LanguageModel::system_path());
    benchmark::DoNotOptimize(lm.order());
  }
}

// The part-of-speech tagger alone over every sentence of the text.
void BM_Tagger(benchmark::State& state) {
  const std::unique_ptr<Tagger> tagger = Tagger::shipped(find_data_dir());
  const Source source("bench.txt", bench_text(), Format::Plain);
  const Document doc(source, nullptr, nullptr);
  std::vector<std::string_view> words;
  std::vector<Pos> tags;
  for (auto _ : state) {
    for (const Sentence& s : doc.sentences()) {
      words.clear();
      for (std::uint32_t k = s.first_token; k < s.last_token; ++k) words.push_back(doc.tokens()[k].text);
      tagger->tag(words, tags);
      benchmark::DoNotOptimize(tags.data());
    }
  }
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(doc.tokens().size() * state.iterations()),
                                                  benchmark::Counter::kIsRate);
}

// Start-up cost of the tagger model, mapped from its compiled form.
void BM_TaggerLoad(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(Tagger::shipped(find_data_dir()).get());
}

BENCHMARK(BM_TaggerLoad)->Unit(benchmark::kMillisecond)->MinTime(1.0);
BENCHMARK(BM_Tagger)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_LanguageModelLoad)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_WholeCheck)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_DocumentOnly)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_Spelling)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_Names)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_Garbled)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_Repetition)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_Punctuation)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_Artifacts)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_Style)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK_MAIN();
