#include "checks/garbled/sentence_score.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <fmt/format.h>

namespace copydesk {
namespace {

constexpr std::uint32_t kBegin = static_cast<std::uint32_t>(Pos::Count);  // before the first tag
constexpr std::uint32_t kEnd = kBegin + 1;                                 // after the last
constexpr std::uint32_t kSymbols = kEnd + 1;
static_assert(kSymbols <= 64, "tags are packed in six bits");

std::uint32_t key(std::uint32_t n, std::uint32_t a, std::uint32_t b, std::uint32_t c) {
  return n << 18 | a << 12 | b << 6 | c;
}

std::string_view symbol_name(std::uint32_t s) {
  return s == kBegin ? "<s>" : s == kEnd ? "</s>" : pos_name(static_cast<Pos>(s));
}

std::uint32_t symbol_from_name(std::string_view name) {
  if (name == "<s>") return kBegin;
  if (name == "</s>") return kEnd;
  if (const auto p = pos_from_name(name)) return static_cast<std::uint32_t>(*p);
  throw std::runtime_error(fmt::format("unknown tag '{}'", name));
}

std::vector<std::uint32_t> symbols(const std::vector<Pos>& sentence) {
  std::vector<std::uint32_t> out{kBegin, kBegin};
  for (Pos p : sentence) out.push_back(static_cast<std::uint32_t>(p));
  out.push_back(kEnd);
  return out;
}

bool in(std::string_view w, std::initializer_list<std::string_view> words) {
  for (auto x : words)
    if (x == w) return true;
  return false;
}

}  // namespace

void TagNgramCounts::add(const std::vector<Pos>& sentence) {
  const auto s = symbols(sentence);
  for (std::size_t i = 2; i < s.size(); ++i) {
    ++counts_[key(1, 0, 0, s[i])];
    ++counts_[key(2, 0, s[i - 1], s[i])];
    ++counts_[key(3, s[i - 2], s[i - 1], s[i])];
    // Contexts: how often each history occurs before some tag.
    ++counts_[key(0, 0, 0, s[i - 1])];
    ++counts_[key(0, s[i - 2], s[i - 1], 63)];
  }
}

void TagNgramCounts::write(std::ostream& out) const {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> sorted(counts_.begin(), counts_.end());
  std::sort(sorted.begin(), sorted.end());
  for (auto [k, c] : sorted) {
    const std::uint32_t n = k >> 18, a = (k >> 12) & 63, b = (k >> 6) & 63, d = k & 63;
    if (n == 0) continue;  // contexts are recomputed on load
    if (n == 3) out << symbol_name(a) << ' ';
    if (n >= 2) out << symbol_name(b) << ' ';
    out << symbol_name(d) << ' ' << c << '\n';
  }
}

TagNgramModel::TagNgramModel(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw std::runtime_error(fmt::format("cannot read tag model {}", file.string()));
  std::string line;
  for (std::size_t n = 1; std::getline(in, line); ++n) {
    std::istringstream fields(line);
    std::vector<std::string> f;
    for (std::string x; fields >> x;) f.push_back(x);
    if (f.size() < 2 || f.size() > 4) throw std::runtime_error(fmt::format("{}:{}: bad line", file.string(), n));
    try {
      std::uint32_t s[3] = {0, 0, 0};
      const std::size_t order = f.size() - 1;
      for (std::size_t i = 0; i < order; ++i) s[3 - order + i] = symbol_from_name(f[i]);
      const auto c = static_cast<std::uint32_t>(std::stoul(f.back()));
      counts_[key(static_cast<std::uint32_t>(order), s[0], s[1], s[2])] += c;
      if (order == 1) total_ += c;
      if (order == 2) counts_[key(0, 0, 0, s[1])] += c;
      if (order == 3) counts_[key(0, s[0], s[1], 63)] += c;
    } catch (const std::logic_error&) {
      throw std::runtime_error(fmt::format("{}:{}: bad line", file.string(), n));
    }
  }
  if (total_ == 0) throw std::runtime_error(fmt::format("{}: empty tag model", file.string()));
}

std::uint32_t TagNgramModel::count(std::uint32_t k) const {
  const auto it = counts_.find(k);
  return it == counts_.end() ? 0 : it->second;
}

TagNgramModel::Surprise TagNgramModel::surprise(const std::vector<Pos>& sentence, double rare) const {
  const auto s = symbols(sentence);
  Surprise out;
  double sum = 0;
  for (std::size_t i = 2; i < s.size(); ++i) {
    // Fixed-weight interpolation of trigram, bigram and add-one unigram estimates; a
    // missing history hands its weight down.
    const double uni = (count(key(1, 0, 0, s[i])) + 1.0) / (total_ + kSymbols);
    const double h2 = count(key(0, 0, 0, s[i - 1]));
    const double bi = h2 > 0 ? count(key(2, 0, s[i - 1], s[i])) / h2 : uni;
    const double h3 = count(key(0, s[i - 2], s[i - 1], 63));
    const double tri = h3 > 0 ? count(key(3, s[i - 2], s[i - 1], s[i])) / h3 : bi;
    const double p = 0.6 * tri + 0.3 * bi + 0.1 * uni;
    sum -= std::log(p);
    out.rare += p < rare;
  }
  out.mean = sum / static_cast<double>(s.size() - 2);
  return out;
}

GarbleScore garble_score(const Document& doc, const Sentence& s, const TagNgramModel& model) {
  GarbleScore g;
  const auto& tokens = doc.tokens();
  std::vector<Pos> tags;
  int lower = 0, unknown = 0;
  const Token* prev = nullptr;  // the previous word
  for (std::uint32_t k = s.first_token; k < s.last_token; ++k) {
    const Token& t = tokens[k];
    tags.push_back(t.pos);
    if (t.kind != TokenKind::Word) continue;
    if (t.letter_case == Case::Lower) {
      ++lower;
      unknown += !t.known;
    }
    if (prev != nullptr) {
      const std::string a = fold_case(prev->text), b = fold_case(t.text);
      if (a == b && prev->end < t.begin) ++g.doubled;
      if ((in(a, {"he", "she", "it"}) && t.pos == Pos::VBP) ||
          (in(a, {"i", "we", "they", "you"}) && t.pos == Pos::VBZ) || (in(a, {"a", "an"}) && t.pos == Pos::NNS))
        ++g.agreement;
    }
    prev = &t;
  }
  const auto surprise = model.surprise(tags, 0.002);
  g.tags = surprise.mean;
  g.rare = surprise.rare;
  g.unknown = lower > 0 ? static_cast<double>(unknown) / lower : 0;
  g.total = g.rare + 2.0 * g.unknown + g.doubled + g.agreement;
  return g;
}

}  // namespace copydesk
