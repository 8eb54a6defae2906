// existence kind: flags every occurrence of any phrase of a list, matched word by word,
// ignoring case, apostrophe style and punctuation. The list is data, so a newsroom
// extends it without a release: `phrases:` in the rule's options and phrase files named
// in `files:` (one phrase a line, `#` starts a comment). A phrase written `^…` must begin
// a sentence and one written `…$` must end one. The phrases of every existence rule go
// into one trie over folded words, walked once per document from each word; each rule
// then reads its own matches, so a pack of 10,000 rules costs one pass, not 10,000.
#include <algorithm>
#include <fstream>
#include <unordered_map>

#include <fmt/format.h>

#include "checks/shared/document_words.hpp"
#include "engine/check.hpp"

namespace copydesk {
namespace {

bool is_matched(const Token& t) { return t.kind != TokenKind::Punct && t.kind != TokenKind::Symbol; }

// The phrases of all existence rules, each marked with the rule ("owner") it belongs to.
class PhraseTrie {
 public:
  // Each rule's matches in a document, as byte ranges: at each word the rule's longest
  // phrase that meets its anchors, then on after it.
  using Matches = std::vector<std::vector<std::pair<std::size_t, std::size_t>>>;

  std::uint32_t new_owner() { return owners_++; }

  // Adds one phrase, tokenized as documents are; false when it has no words.
  bool add(std::string phrase, std::uint32_t owner) {
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
      const std::string& key = t.key;
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
    if (!any) return false;
    const std::uint8_t anchor = start && end ? kWhole : start ? kStart : end ? kEnd : kFree;
    auto& ends = nodes_[node].ends;
    const auto mine = std::find_if(ends.begin(), ends.end(), [&](const auto& e) { return e.first == owner; });
    if (mine != ends.end()) mine->second |= anchor;
    else ends.emplace_back(owner, anchor);
    return true;
  }

  // `document_words` are the document's (DocumentWords::of).
  Matches find(const Document& doc, const DocumentWords& document_words) const {
    const auto& tokens = doc.tokens();
    std::vector<std::uint32_t> words;  // indices of the tokens that take part in matching
    // The node each word leads to from the root, or kNoNode. Most words start no phrase and
    // this is their only look-up: it is made once per distinct key (by its word id) rather
    // than hashing the key again at every word. URLs, addresses and handles have no id.
    std::vector<std::uint32_t> first_step;
    std::vector<std::uint32_t> first_step_by_id(document_words.distinct(), kNotLooked);
    for (std::uint32_t k = 0; k < tokens.size(); ++k) {
      if (!is_matched(tokens[k])) continue;
      words.push_back(k);
      const std::uint32_t id = document_words.id_of_token(k);
      if (id == DocumentWords::kNoId) {
        first_step.push_back(child(0, tokens[k].key));
        continue;
      }
      if (first_step_by_id[id] == kNotLooked) first_step_by_id[id] = child(0, tokens[k].key);
      first_step.push_back(first_step_by_id[id]);
    }
    Matches matches(owners_);
    std::vector<std::size_t> best(owners_, 0), resume(owners_, 0);  // by owner
    std::vector<std::uint32_t> touched;
    for (std::size_t i = 0; i < words.size(); ++i) {
      std::uint32_t node = 0;
      for (std::size_t j = i; j < words.size(); ++j) {
        node = j == i ? first_step[i] : child(node, tokens[words[j]].key);
        if (node == kNoNode) break;
        const bool starts = tokens[words[i]].sentence_initial;
        const bool ends = j + 1 == words.size() || tokens[words[j + 1]].sentence != tokens[words[j]].sentence;
        for (const auto& [owner, anchor] : nodes_[node].ends) {
          if (!accepts(anchor, starts, ends) || i < resume[owner]) continue;
          if (best[owner] == 0) touched.push_back(owner);
          best[owner] = j + 1;
        }
      }
      for (const std::uint32_t owner : touched) {
        matches[owner].emplace_back(tokens[words[i]].begin, tokens[words[best[owner] - 1]].end);
        resume[owner] = best[owner];
        best[owner] = 0;
      }
      touched.clear();
    }
    return matches;
  }

 private:
  // Bits of an anchor: a phrase ends here with no anchor, with ^, with $, with both.
  enum : std::uint8_t { kFree = 1, kStart = 2, kEnd = 4, kWhole = 8 };
  // No node (the root is no one's child), and a look-up not made yet.
  static constexpr std::uint32_t kNoNode = 0, kNotLooked = UINT32_MAX;

  // The node the word `key` leads to from `node`, or kNoNode.
  std::uint32_t child(std::uint32_t node, std::string_view key) const {
    const auto& next = nodes_[node].next;
    const auto it = next.find(key);
    return it == next.end() ? kNoNode : it->second;
  }

  struct Node {
    StringMap<std::uint32_t> next;
    std::vector<std::pair<std::uint32_t, std::uint8_t>> ends;  // the rules a phrase of which ends here
  };

  static bool accepts(std::uint8_t ends, bool starts, bool at_end) {
    return (ends & kFree) || ((ends & kStart) && starts) || ((ends & kEnd) && at_end) ||
           ((ends & kWhole) && starts && at_end);
  }

  std::vector<Node> nodes_ = std::vector<Node>(1);  // nodes_[0] is the root
  std::uint32_t owners_ = 0;
};

class Existence : public Check {
 public:
  Existence(const Rule& rule, const LoadContext& ctx)
      : trie_(ctx.shared_by_kind<PhraseTrie>("existence")), owner_(trie_->new_owner()),
        report_(option<std::string>(rule, "report")) {
    if (const YAML::Node list = rule.options ? rule.options["phrases"] : YAML::Node()) {
      if (!list.IsSequence()) config_error(rule.origin, list, "option 'phrases' of rule " + rule.id + " must be a list");
      for (const auto& item : list) {
        if (!item.IsScalar()) config_error(rule.origin, item, "a phrase of rule " + rule.id + " must be a string");
        if (!trie_->add(item.Scalar(), owner_))
          config_error(rule.origin, item, "rule " + rule.id + " has a phrase with no words");
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
        if (!trie_->add(line, owner_))
          config_error(rule.origin, rule.options["files"], fmt::format("{}:{}: a phrase with no words", path.string(), n));
      }
    }
  }

  void run(const Document& doc, const Resources& res, Emitter& out) const override {
    const auto& matches = res.memo.get<PhraseTrie::Matches>(trie_.get(), [&] { return trie_->find(doc, DocumentWords::of(doc, res)); });
    for (const auto& [begin, end] : matches[owner_]) {
      std::string message = report_;
      if (const std::size_t p = message.find("{text}"); p != std::string::npos) message.replace(p, 6, doc.slice(begin, end));
      out.report(begin, end - begin, std::move(message));
    }
  }

 private:
  std::shared_ptr<PhraseTrie> trie_;  // shared by every existence rule
  std::uint32_t owner_;
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
