// Prints the fluency features of labelled sentences for tools/garbled_fit.py, which fits
// and measures garbled.unlikely-sentence (see the README's figures). Built with the
// project (build/tools/garbled_calibrate).
//
//   tools/garbled_data.py ../shared DIR
//   build/tools/garbled_calibrate < DIR/sentences.tsv > DIR/features.tsv
//   tools/garbled_fit.py DIR/features.tsv
//
// Each line's least fluent sentence stands for the line: a garbled line is garbled
// somewhere, and a clean line must be clean everywhere.
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "checks/garbled/fluency.hpp"
#include "engine/engine.hpp"

using namespace copydesk;

int main() {
  EngineOptions options;
  options.only = {"garbled.unlikely-sentence"};
  const Engine engine(options);
  const Engine::Worker worker(engine);
  const Resources& res = worker.resources();
  if (res.lm == nullptr) {
    std::cerr << "garbled_calibrate: no language model (install pocketsphinx-en-us)\n";
    return 2;
  }
  std::string line;
  std::getline(std::cin, line);  // header
  std::cout << "id\tlabel\tsplit\tsource\twords\tscored\tunknown\tslor\tunseen\ttrigrams\tworst3\n";
  while (std::getline(std::cin, line)) {
    std::vector<std::string> cells;
    std::stringstream row(line);
    for (std::string cell; std::getline(row, cell, '\t');) cells.push_back(cell);
    if (cells.size() < 5) continue;
    const Source source("<line>", cells[4]);
    const Document doc(source, res.speller, res.tagger);
    const DocumentWords words(doc);
    FluencyScorer fluency(*res.lm, res.speller, words, 3);
    bool any = false;
    Fluency worst;
    for (const Sentence& s : doc.sentences()) {
      const Fluency f = fluency.score(doc, s);
      if (!any || (f.scored >= 3 && (worst.scored < 3 || f.slor < worst.slor))) worst = f;
      any = true;
    }
    if (!any) continue;
    std::cout << cells[0] << '\t' << cells[1] << '\t' << cells[2] << '\t' << cells[3] << '\t' << worst.words << '\t'
              << worst.scored << '\t' << worst.unknown << '\t' << worst.slor << '\t' << worst.unseen << '\t'
              << worst.trigrams << '\t' << worst.worst_window << '\n';
  }
  return 0;
}
