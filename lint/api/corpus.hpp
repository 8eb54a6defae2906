// Corpus mode's input: one article a line of JSON, read as a stream and checked by the
// thread pool in input order with a bounded number of articles held at once.
#pragma once
#include <algorithm>
#include <cstddef>
#include <functional>
#include <istream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "api/parallel.hpp"
#include "copydesk/copydesk.hpp"
#include "source/source.hpp"

namespace copydesk {

// One line of a corpus stream, read: a source to check, or why there is none.
struct Article {
  std::size_t line = 0;                  // 1-based, in the stream
  nlohmann::ordered_json id;             // as given; null when the line gives none
  std::shared_ptr<const Source> source;  // null when the line cannot be checked
  std::string error;                     // why, when it cannot
};

// {"id": …, "text": …} or {"id": …, "path": …}, with an optional "format".
Article read_article(const std::string& line, std::size_t number);

// Articles held per thread: enough that a slow article does not idle the others.
constexpr std::size_t kArticlesPerThread = 4;

// Reads the stream's articles (blank lines skipped) and runs work(worker, article, out)
// on the pool, then emit(article, out) one at a time in input order. Out is what work
// leaves for emit: a result line, counts.
template <typename Out>
void stream_articles(const Engine& engine, std::istream& in, unsigned jobs,
                     const std::function<void(const Engine::Worker&, Article&, Out&)>& work,
                     const std::function<void(Article&, Out&)>& emit) {
  struct Slot {
    Article article;
    Out out;
  };
  const std::size_t window = kArticlesPerThread * std::max(1u, jobs);
  std::vector<Slot> slots(window);
  std::size_t line_number = 0;
  std::string line;
  run_streaming(
      engine, jobs, window,
      [&](std::size_t i) {
        while (std::getline(in, line)) {
          ++line_number;
          if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
          slots[i % window] = Slot{read_article(line, line_number), Out{}};
          return true;
        }
        return false;
      },
      [&](const Engine::Worker& worker, std::size_t i) {
        Slot& slot = slots[i % window];
        if (slot.article.source) work(worker, slot.article, slot.out);
      },
      [&](std::size_t i) {
        Slot& slot = slots[i % window];
        emit(slot.article, slot.out);
        slot = Slot{};  // the article's text is not kept longer than needed
      });
}

// Counts an article handed on into the summary and the progress: its words, or why it
// failed.
void tally(const Article& article, std::size_t words, CorpusSummary& summary, Progress& done);

// The engine's side of Linter::check_jsonl.
CorpusSummary check_corpus(const Engine& engine, std::istream& in, std::ostream& out, unsigned jobs,
                           const ProgressSink& progress);

}  // namespace copydesk
