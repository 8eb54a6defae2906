#include "checks/repetition/words.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>

namespace copydesk::repetition {

std::vector<Word> words_of(const Document& doc, std::uint32_t first_token, std::uint32_t last_token) {
  std::vector<Word> words;
  const auto& tokens = doc.tokens();
  for (std::uint32_t k = first_token; k < last_token; ++k)
    if (tokens[k].kind == TokenKind::Word) words.push_back({k, fold_word(tokens[k].text)});
  return words;
}

bool same_keys(const std::vector<Word>& words, std::size_t a, std::size_t b, std::size_t n) {
  for (std::size_t k = 0; k < n; ++k)
    if (words[a + k].key != words[b + k].key) return false;
  return true;
}

bool is_heading_or_item(const Document& doc, const Paragraph& p) {
  if (p.heading_like) return true;
  if (p.first_sentence == p.last_sentence) return false;
  const auto& tokens = doc.tokens();
  const Sentence& s = doc.sentences()[p.first_sentence];
  const std::string_view first = tokens[s.first_token].text;
  if (first == "-" || first == "*" || first == "\u2022" || first == "\u2013" || first == "\u2014") return true;
  // "1." or "2)" numbering a list.
  return tokens[s.first_token].kind == TokenKind::Number && s.token_count() > 1 &&
         (tokens[s.first_token + 1].text == "." || tokens[s.first_token + 1].text == ")");
}

WordFrequency::WordFrequency(const Rule& rule, const LoadContext& context) {
  const std::string name = option<std::string>(rule, "frequency_list");
  const auto path = context.resolve(rule, name);
  std::ifstream in(path);
  if (!in) option_error(rule, "frequency_list", "names a word-frequency list that cannot be read: " + path.string());
  // Closed classes of Universal Dependencies: the words that glue a sentence together.
  static const std::vector<std::string_view> kFunction = {"DET", "ADP", "PRON", "AUX", "CCONJ", "SCONJ", "PART"};
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const std::size_t tab1 = line.find('\t');
    const std::size_t tab2 = line.find('\t', tab1 + 1);
    if (tab1 == std::string::npos) continue;
    Entry e{0, Class::Other};
    e.count = static_cast<std::uint32_t>(std::strtoul(line.c_str() + tab1 + 1, nullptr, 10));
    if (tab2 != std::string::npos) {
      const std::string_view upos = std::string_view(line).substr(tab2 + 1);
      if (std::find(kFunction.begin(), kFunction.end(), upos) != kFunction.end()) e.word_class = Class::Function;
      else if (upos == "NOUN") e.word_class = Class::Noun;
      else if (upos == "PROPN") e.word_class = Class::Proper;
      else e.word_class = Class::Other;
    }
    total_ += e.count;
    entries_.emplace(line.substr(0, tab1), e);
  }
}

const WordFrequency::Entry* WordFrequency::find(std::string_view key) const {
  auto it = entries_.find(key);
  if (it == entries_.end()) {
    const std::string_view base = without_possessive(key);
    if (base.size() != key.size()) it = entries_.find(base);
  }
  return it == entries_.end() ? nullptr : &it->second;
}

std::uint32_t WordFrequency::count(std::string_view key) const {
  const Entry* e = find(key);
  return e ? e->count : 0;
}

WordFrequency::Class WordFrequency::word_class(std::string_view key) const {
  const Entry* e = find(key);
  return e ? e->word_class : Class::Unlisted;
}

}  // namespace copydesk::repetition
