// Tools for the garbled checks; built with the project (build/tools/garbled_calibrate).
// Regenerate rules/garbled/tag-trigrams.txt (ngrams) whenever models/en-pos.model changes.
//
//   garbled_calibrate tags MODEL < text          prints each sentence with its tags
//   garbled_calibrate ngrams MODEL EWT_DIR OUT   counts tag n-grams of our own tagger's
//                                                output on UD EWT train (the text, re-tokenized
//                                                as copydesk tokenizes) and writes the model
//                                                that garbled.unlikely-sentence reads
//   garbled_calibrate score MODEL NGRAMS < tsv   scores the mt_output column of
//                                                mlqe-pe-en.tsv: id, total and its parts
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>

#include "checks/garbled/sentence_score.hpp"
#include "document/document.hpp"
#include "spell/speller.hpp"
#include "tagger/tagger.hpp"

using namespace copydesk;

namespace {

int tags(const Tagger& tagger) {
  std::stringstream in;
  in << std::cin.rdbuf();
  const Source source("<stdin>", in.str());
  const Document doc(source, nullptr, &tagger);
  for (const Sentence& s : doc.sentences()) {
    for (std::uint32_t k = s.first_token; k < s.last_token; ++k) {
      const Token& t = doc.tokens()[k];
      std::cout << t.text << '/' << pos_name(t.pos) << (t.in_quote ? "q " : " ");
    }
    std::cout << "\n";
  }
  return 0;
}

int ngrams(const Tagger& tagger, const std::string& ewt, const std::string& out_path) {
  std::ifstream in(ewt + "/en_ewt-ud-train.conllu");
  TagNgramCounts counts;
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("# text = ", 0) != 0) continue;
    const Source source("<ewt>", line.substr(9));
    const Document doc(source, nullptr, &tagger);
    for (const Sentence& s : doc.sentences()) {
      std::vector<Pos> seq;
      for (std::uint32_t k = s.first_token; k < s.last_token; ++k) seq.push_back(doc.tokens()[k].pos);
      counts.add(seq);
    }
  }
  std::ofstream out(out_path);
  counts.write(out);
  return 0;
}

int score(const Tagger& tagger, const std::string& ngram_path) {
  const TagNgramModel model(ngram_path);
  const auto dic = system_dictionary("en_US");
  const Speller speller(dic.first, dic.second, {});
  std::string line;
  std::getline(std::cin, line);  // header
  while (std::getline(std::cin, line)) {
    std::vector<std::string> cells;
    std::stringstream row(line);
    for (std::string cell; std::getline(row, cell, '\t');) cells.push_back(cell);
    if (cells.size() < 3) continue;
    const Source source("<mt>", cells[2]);
    const Document doc(source, &speller, &tagger);
    GarbleScore worst;
    for (const Sentence& s : doc.sentences()) {
      const GarbleScore g = garble_score(doc, s, model);
      if (g.total >= worst.total) worst = g;
    }
    std::cout << cells[0] << '\t' << worst.total << '\t' << worst.tags << '\t' << worst.rare << '\t' << worst.unknown << '\t'
              << worst.doubled << '\t' << worst.agreement << '\n';
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: garbled_calibrate tags|ngrams|score MODEL ...\n";
    return 2;
  }
  const std::string cmd = argv[1];
  const auto tagger = Tagger::load(argv[2]);
  if (cmd == "tags") return tags(*tagger);
  if (cmd == "ngrams" && argc == 5) return ngrams(*tagger, argv[3], argv[4]);
  if (cmd == "score" && argc == 4) return score(*tagger, argv[3]);
  std::cerr << "bad arguments\n";
  return 2;
}
