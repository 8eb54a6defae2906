// Figures on the shared corpora, when ../shared is beside the checkout: recall on the seed
// article's known defects and false alarms on clean, professionally edited news.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>

#include "engine/engine.hpp"
#include "support.hpp"

namespace fs = std::filesystem;
using namespace copydesk;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Byte spans of a defect's quote: every occurrence, or the n-th (from 1).
std::vector<std::pair<std::size_t, std::size_t>> spans(const std::string& text, const nlohmann::json& item) {
  const std::string quote = item["quote"];
  std::vector<std::pair<std::size_t, std::size_t>> found;
  for (std::size_t at = text.find(quote); at != std::string::npos; at = text.find(quote, at + 1))
    found.emplace_back(at, at + quote.size());
  if (item.contains("occurrence") && item["occurrence"].is_number()) {
    const std::size_t n = item["occurrence"];
    if (n > found.size()) return {};
    return {found[n - 1]};
  }
  return found;
}

bool covers(const Diagnostic& d, const std::pair<std::size_t, std::size_t>& span, const nlohmann::json& categories) {
  const bool category = std::find(categories.begin(), categories.end(), d.category) != categories.end();
  return category && d.offset < span.second && span.first < d.offset + std::max<std::size_t>(d.length, 1);
}

const Engine& shipped_engine() {
  static const Engine engine{EngineOptions{}};
  return engine;
}

}  // namespace

TEST_CASE("the seed article: every core defect found, nothing flagged outside defects and acceptable items",
          "[corpus]") {
  const std::string shared = test::shared_dir();
  if (shared.empty()) {
    WARN("../shared/corpus is not beside the checkout: corpus figures skipped");
    return;
  }
  const fs::path seed = fs::path(shared) / "corpus/seed";
  const auto gold = nlohmann::json::parse(slurp(seed / "defects.json"));
  const std::string text = slurp(seed / gold["file"].get<std::string>());
  const Source source(gold["file"], text);
  const FileResult result = Engine::Worker(shipped_engine()).check(source);

  std::vector<bool> explained(result.diagnostics.size(), false);
  std::size_t core_found = 0, core_total = 0;
  for (const auto& item : gold["defects"]) {
    std::size_t hits = 0;
    const auto item_spans = spans(text, item);
    for (const auto& span : item_spans) {
      bool hit = false;
      for (std::size_t k = 0; k < result.diagnostics.size(); ++k)
        if (covers(result.diagnostics[k], span, item["categories"])) hit = explained[k] = true;
      hits += hit;
    }
    const bool found = !item_spans.empty() && hits == item_spans.size();
    if (item["tier"] == "core") {
      ++core_total;
      core_found += found;
      INFO("core defect " << item["id"].get<std::string>() << ": " << item["quote"].get<std::string>());
      CHECK(found);
    }
  }
  for (const auto& item : gold["acceptable"])
    for (const auto& span : spans(text, item))
      for (std::size_t k = 0; k < result.diagnostics.size(); ++k)
        if (covers(result.diagnostics[k], span, item["categories"])) explained[k] = true;
  std::size_t false_alarms = 0;
  for (std::size_t k = 0; k < result.diagnostics.size(); ++k) {
    const Diagnostic& d = result.diagnostics[k];
    if (explained[k] || d.severity == Severity::Info) continue;
    ++false_alarms;
    UNSCOPED_INFO("false alarm: " << d.rule << " at “" << text.substr(d.offset, d.length) << "”: " << d.message);
  }
  CHECK(false_alarms == 0);
  WARN("seed: core " << core_found << "/" << core_total << " found, " << false_alarms << " false alarms");
}

TEST_CASE("clean news: at most one finding at warning or error per 1,000 words", "[corpus]") {
  const std::string shared = test::shared_dir();
  if (shared.empty()) {
    WARN("../shared/corpus is not beside the checkout: corpus figures skipped");
    return;
  }
  const Engine::Worker worker(shipped_engine());
  std::size_t words = 0;
  std::map<std::string, std::size_t> by_category;
  std::size_t total = 0;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(fs::path(shared) / "corpus/news-clean"))
    if (e.path().extension() == ".txt") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    const Source source(f.filename().string(), slurp(f));
    const FileResult r = worker.check(source);
    words += r.words;
    for (const auto& d : r.diagnostics) {
      if (d.severity == Severity::Info) continue;
      ++by_category[d.category];
      ++total;
    }
  }
  REQUIRE(words > 0);
  const auto per_1000 = [&](std::size_t n) { return 1000.0 * static_cast<double>(n) / static_cast<double>(words); };
  for (const auto& [category, n] : by_category) WARN(category << ": " << n << " (" << per_1000(n) << " per 1,000 words)");
  WARN("news-clean: " << words << " words, " << total << " at warning or error (" << per_1000(total) << " per 1,000)");
  CHECK(per_1000(total) <= 1.0);
  CHECK(per_1000(by_category["names"]) <= 0.2);
  CHECK(per_1000(by_category["garbled"]) <= 0.3);
  CHECK(per_1000(by_category["repetition"]) <= 0.3);
}

TEST_CASE("clean news with one sentence shuffled into word salad: the salad is flagged as garbled", "[corpus]") {
  const std::string shared = test::shared_dir();
  if (shared.empty()) {
    WARN("../shared/corpus is not beside the checkout: corpus figures skipped");
    return;
  }
  const Engine::Worker worker(shipped_engine());
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(fs::path(shared) / "corpus/news-clean"))
    if (e.path().extension() == ".txt") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::mt19937 shuffle_seed(20261129);
  std::size_t planted = 0, found = 0;
  for (const auto& f : files) {
    std::string text = slurp(f);
    // The article's longest sentence, its words shuffled in place of it.
    const Source original(f.filename().string(), text);
    const Document doc(original, worker.resources().speller, nullptr);
    const Sentence* longest = nullptr;
    for (const Sentence& s : doc.sentences())
      if (longest == nullptr || s.end - s.begin > longest->end - longest->begin) longest = &s;
    if (longest == nullptr || longest->token_count() < 12) continue;
    std::vector<std::string> words;
    std::istringstream in(std::string(doc.sentence_text(*longest)));
    for (std::string w; in >> w;) words.push_back(w);
    std::shuffle(words.begin(), words.end(), shuffle_seed);
    std::string salad;
    for (const auto& w : words) salad += (salad.empty() ? "" : " ") + w;
    text.replace(longest->begin, longest->end - longest->begin, salad);
    const std::pair<std::size_t, std::size_t> span{longest->begin, longest->begin + salad.size()};

    const FileResult r = worker.check(Source(f.filename().string(), text));
    ++planted;
    found += std::any_of(r.diagnostics.begin(), r.diagnostics.end(), [&](const Diagnostic& d) {
      return d.rule == "garbled.unlikely-sentence" && covers(d, span, nlohmann::json::array({"garbled"}));
    });
  }
  REQUIRE(planted > 100);
  const double recall = static_cast<double>(found) / static_cast<double>(planted);
  WARN("word salad planted in news-clean: " << found << " of " << planted << " flagged (" << recall << ")");
  CHECK(recall >= 0.8);
}
