// existence kind: flags every occurrence of any phrase of a list, matched word by word,
// ignoring case, apostrophe style and punctuation. The list is data, so a newsroom
// extends it without a release: `phrases:` in the rule's options and phrase files named
// in `files:` (one phrase a line, `#` starts a comment). A phrase written `^…` must begin
// a sentence and one written `…$` must end one. All phrases are matched in one pass: a
// trie over folded words, walked from each word of the document.
#include <fstream>
#include <unordered_map>

#include <fmt/format.h>

#include "engine/check.hpp"

namespace copydesk {
namespace {

bool is_matched(const Token& t) { return t.kind != TokenKind::Punct && t.kind != TokenKind::Symbol; }

class Existence : public Check {
 public:
  Existence(const Rule& rule, const LoadContext& ctx)
      : report_(option<std::string>(rule, "report")) {
    nodes_.emplace_back();
    if (const YAML::Node list = rule.options ? rule.options["phrases"] : YAML::Node()) {
      if (!list.IsSequence()) config_error(rule.origin, list, "option 'phrases' of rule " + rule.id + " must be a list");
      for (const auto& item : list) {
        if (!item.IsScalar()) config_error(rule.origin, item, "a phrase of rule " + rule.id + " must be a string");
        if (!add(item.Scalar())) config_error(rule.origin, item, "rule " + rule.id + " has a phrase with no words");
      }
    }
    for (const std::string& name : option<std::vector<std::string>>(rule, "files")) {
      const auto path = ctx.resolve(rule, name);
      std::ifstream in(path);
      if (!in) config_error(rule.origin, rule.options["files"], fmt::format("cannot read phrase file {}", path.string()));
      std::string line;
      for (std::size_t n = 1; std::getline(in, line); ++n) {
        const std::size_t hash = line.find('#');
        if (hash != std::string::npos) line.erase(hash);
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        if (!add(line))
          config_error(rule.origin, rule.options["files"], fmt::format("{}:{}: a phrase with no words", path.string(), n));
      }
    }
  }

  void run(const Document& doc, const Resources&, Emitter& out) const override {
    const auto& tokens = doc.tokens();
    std::vector<std::uint32_t> words;  // indices of the tokens that take part in matching
    std::vector<std::string> keys;
    for (std::uint32_t k = 0; k < tokens.size(); ++k) {
      if (!is_matched(tokens[k])) continue;
      words.push_back(k);
      keys.push_back(fold_word(tokens[k].text));
    }
    for (std::size_t i = 0; i < words.size();) {
      // The longest phrase that starts here and meets its anchors.
      std::size_t best = 0;
      std::uint32_t node = 0;
      for (std::size_t j = i; j < words.size(); ++j) {
        const auto& next = nodes_[node].next;
        const auto it = next.find(std::string_view(keys[j]));
        if (it == next.end()) break;
        node = it->second;
        const bool starts = tokens[words[i]].sentence_initial;
        const bool ends = j + 1 == words.size() || tokens[words[j + 1]].sentence != tokens[words[j]].sentence;
        if (accepts(nodes_[node].ends, starts, ends)) best = j + 1;
      }
      if (best == 0) {
        ++i;
        continue;
      }
      const Token& first = tokens[words[i]];
      const Token& last = tokens[words[best - 1]];
      const std::string_view text = doc.slice(first.begin, last.end);
      std::string message = report_;
      if (const std::size_t p = message.find("{text}"); p != std::string::npos) message.replace(p, 6, text);
      out.report(first.begin, last.end - first.begin, std::move(message));
      i = best;
    }
  }

 private:
  // Bits of Node::ends: a phrase ends here with no anchor, with ^, with $, with both.
  enum : std::uint8_t { kFree = 1, kStart = 2, kEnd = 4, kWhole = 8 };

  struct Node {
    StringMap<std::uint32_t> next;
    std::uint8_t ends = 0;
  };

  static bool accepts(std::uint8_t ends, bool starts, bool at_end) {
    return (ends & kFree) || ((ends & kStart) && starts) || ((ends & kEnd) && at_end) ||
           ((ends & kWhole) && starts && at_end);
  }

  // Adds one phrase, tokenized as documents are; false when it has no words.
  bool add(std::string phrase) {
    const auto first = phrase.find_first_not_of(" \t\r");
    if (first == std::string::npos) return false;
    phrase = phrase.substr(first, phrase.find_last_not_of(" \t\r") - first + 1);
    const bool start = phrase.front() == '^';
    if (start) phrase.erase(0, 1);
    const bool end = !phrase.empty() && phrase.back() == '$';
    if (end) phrase.pop_back();
    const Source source("<phrase>", phrase);
    const Document doc(source, nullptr, nullptr);
    std::uint32_t node = 0;
    bool any = false;
    for (const Token& t : doc.tokens()) {
      if (!is_matched(t)) continue;
      any = true;
      const std::string key = fold_word(t.text);
      const auto it = nodes_[node].next.find(std::string_view(key));
      if (it != nodes_[node].next.end()) {
        node = it->second;
        continue;
      }
      const auto child = static_cast<std::uint32_t>(nodes_.size());
      nodes_[node].next.emplace(key, child);
      nodes_.emplace_back();
      node = child;
    }
    if (any) nodes_[node].ends |= start && end ? kWhole : start ? kStart : end ? kEnd : kFree;
    return any;
  }

  std::vector<Node> nodes_;  // nodes_[0] is the root
  std::string report_;
};

COPYDESK_REGISTER_CHECK("existence", [](const Rule& rule, const LoadContext& ctx) {
  return std::make_unique<Existence>(rule, ctx);
},
                        {"phrases", OptionType::List, "", "phrases to flag, each a string or a list of alternatives"},
                        {"files", OptionType::TextList, "[]", "phrase files, one phrase a line, relative to the rule file"},
                        {"report", OptionType::Text, "\"“{text}” is on this rule’s list of phrases.\"", "the message; {text} is the phrase found"});

}  // namespace
}  // namespace copydesk
