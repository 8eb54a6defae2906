#include "api/names.hpp"

#include <mutex>

#include "api/corpus.hpp"
#include "api/inputs.hpp"
#include "api/parallel.hpp"
#include "checks/names/archive.hpp"
#include "checks/names/names.hpp"
#include "spell/speller.hpp"

namespace copydesk {
namespace {

// Adds the uses of each spelling of a name in one source to `counts`, as the names rules
// gather them (common words capitalized left out); returns the source's words. No
// tagger: names are found from case, position and the dictionaries.
std::size_t count_names(const Engine::Worker& worker, const names::NameList& list, const Source& source,
                        NameCounts& counts) {
  const Speller& speller = *worker.resources().speller;
  const Document doc(source, &speller, nullptr);
  for (const names::Form& form : names::collect_forms(doc, speller, list))
    if (!form.common) counts[form.text] += form.uses.size();
  return doc.word_count();
}

void add(NameCounts& into, const NameCounts& more) {
  for (const auto& [text, n] : more) into[text] += n;
}

}  // namespace

NameCounts learn_from_inputs(const Engine& engine, const Inputs& inputs, unsigned jobs, const ProgressSink& progress) {
  const names::NameList list(engine.context().dictionaries);
  NameCounts total;
  Progress done = progress_over(inputs);
  std::mutex lock;
  run_parallel(engine, inputs.size(), jobs, [&](const Engine::Worker& worker, std::size_t i) {
    NameCounts mine;
    const std::size_t words = count_names(worker, list, *inputs[i], mine);
    const std::lock_guard<std::mutex> hold(lock);
    add(total, mine);
    count_done(done, *inputs[i], words);
    if (progress) progress(done);
  });
  return total;
}

NameCounts learn_from_corpus(const Engine& engine, std::istream& jsonl, unsigned jobs, CorpusSummary& summary,
                             const ProgressSink& progress) {
  struct Counted {
    NameCounts counts;
    std::size_t words = 0;
  };
  const names::NameList list(engine.context().dictionaries);
  NameCounts total;
  Progress done;
  stream_articles<Counted>(
      engine, jsonl, jobs,
      [&](const Engine::Worker& worker, Article& article, Counted& counted) {
        counted.words = count_names(worker, list, *article.source, counted.counts);
      },
      [&](Article& article, Counted& counted) {
        tally(article, counted.words, summary, done);
        add(total, counted.counts);
        if (progress) progress(done);
      });
  return total;
}

NameCounts read_name_counts(const std::vector<std::filesystem::path>& files) {
  NameCounts counts;
  for (const auto& file : files) names::read_counts(file, counts);
  return counts;
}

void write_name_counts(std::ostream& out, const NameCounts& counts) { names::write_counts(out, counts); }

}  // namespace copydesk
