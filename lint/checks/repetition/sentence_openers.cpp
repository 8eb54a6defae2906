// sentence-openers kind: three or more sentences in a row that open with the same words
// ("He said ... He said ... He said"). A headline or a list breaks the run: list items
// are parallel on purpose.
#include <algorithm>
#include <fmt/format.h>

#include "checks/repetition/words.hpp"

namespace copydesk::repetition {
namespace {

class SentenceOpeners : public Check {
 public:
  explicit SentenceOpeners(const Rule& rule)
      : words_(std::max<std::size_t>(1, option<std::size_t>(rule, "words"))),
        min_run_(std::max<std::size_t>(2, option<std::size_t>(rule, "min_run"))) {}

  void run(const Document& doc, const Resources&, Emitter& out) const override {
    const auto& tokens = doc.tokens();
    struct Opener {
      std::size_t begin, end;  // byte range of the opening words
      std::string key;
    };
    std::vector<Opener> run;  // the current run of sentences opening alike
    auto flush = [&] {
      if (run.size() >= min_run_) {
        const Opener& third = run[min_run_ - 1];
        Diagnostic& d = out.report(third.begin, third.end - third.begin,
                                   fmt::format("{} sentences in a row open with “{}”.", run.size(),
                                               doc.slice(third.begin, third.end)));
        for (std::size_t k = 0; k < run.size(); ++k)
          if (k != min_run_ - 1) d.related.push_back({run[k].begin, run[k].end - run[k].begin, "This one opens the same way."});
      }
      run.clear();
    };
    for (const Paragraph& p : doc.paragraphs()) {
      if (is_heading_or_item(doc, p)) {
        flush();
        continue;
      }
      for (std::uint32_t si = p.first_sentence; si < p.last_sentence; ++si) {
        const Sentence& s = doc.sentences()[si];
        Opener o{0, 0, {}};
        std::size_t n = 0;
        // The opening words, skipping an opening quotation mark; punctuation ends them.
        for (std::uint32_t k = s.first_token; k < s.last_token && n < words_; ++k) {
          const Token& t = tokens[k];
          if (t.kind != TokenKind::Word && t.kind != TokenKind::Number) {
            if (n > 0) break;
            continue;
          }
          if (n == 0) o.begin = t.begin;
          o.end = t.end;
          o.key += t.key + ' ';
          ++n;
        }
        if (n < words_) {
          flush();
          continue;
        }
        if (!run.empty() && run.back().key != o.key) flush();
        run.push_back(std::move(o));
      }
    }
    flush();
  }

 private:
  std::size_t words_;
  std::size_t min_run_;
};

COPYDESK_REGISTER_CHECK("sentence-openers", [](const Rule& rule, const LoadContext&) {
  return std::make_unique<SentenceOpeners>(rule);
},
                        {"words", OptionType::Integer, "2", "how many opening words are compared"},
                        {"min_run", OptionType::Integer, "3", "sentences in a row that make a run"});

}  // namespace
}  // namespace copydesk::repetition
