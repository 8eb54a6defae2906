#include "checks/shared/word_frequency.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

namespace copydesk {

WordFrequency::WordFrequency(const Rule& rule, const LoadContext& context) {
  const auto path = context.resolve(rule, option<std::string>(rule, "frequency_list"));
  // The kinds that read the same list share it.
  list_ = context.shared_made<List>("word frequency: " + path.string(), [&] {
    std::ifstream in(path);
    if (!in) option_error(rule, "frequency_list", "names a word-frequency list that cannot be read: " + path.string());
    return read(in);
  });
}

WordFrequency::List WordFrequency::read(std::istream& in) {
  List list;
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
    list.total += e.count;
    list.entries.emplace(line.substr(0, tab1), e);
  }
  return list;
}

const WordFrequency::Entry* WordFrequency::find(std::string_view key) const {
  const StringMap<Entry>& entries = list_->entries;
  auto it = entries.find(key);
  if (it == entries.end()) {
    const std::string_view base = without_possessive(key);
    if (base.size() != key.size()) it = entries.find(base);
  }
  return it == entries.end() ? nullptr : &it->second;
}

std::uint32_t WordFrequency::count(std::string_view key) const {
  const Entry* e = find(key);
  return e ? e->count : 0;
}

WordFrequency::Class WordFrequency::word_class(std::string_view key) const {
  const Entry* e = find(key);
  return e ? e->word_class : Class::Unlisted;
}

}  // namespace copydesk
