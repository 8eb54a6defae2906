#include "document/document.hpp"

#include <algorithm>
#include <memory>
#include <re2/re2.h>
#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include "document/abbreviations.hpp"
#include "document/utf16_ranges.hpp"
#include "source/prose.hpp"
#include "spell/speller.hpp"
#include "tagger/tagger.hpp"

namespace copydesk {
namespace {

// ICU break iterators are costly to create: one of each per thread, reused.
icu::BreakIterator& word_breaker() {
  thread_local std::unique_ptr<icu::BreakIterator> it = [] {
    UErrorCode status = U_ZERO_ERROR;
    return std::unique_ptr<icu::BreakIterator>(icu::BreakIterator::createWordInstance(icu::Locale::getEnglish(), status));
  }();
  return *it;
}

icu::BreakIterator& sentence_breaker() {
  thread_local std::unique_ptr<icu::BreakIterator> it = [] {
    UErrorCode status = U_ZERO_ERROR;
    return std::unique_ptr<icu::BreakIterator>(icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), status));
  }();
  return *it;
}

// Runs a break iterator over one range of `text16` (the UTF-16 form of `text`, which
// starts at byte `base`), calling f(begin, end, rule_status) per segment in byte offsets.
template <typename F>
void each_segment(icu::BreakIterator& it, std::u16string_view text16, std::string_view text, std::size_t base, F&& f) {
  UErrorCode status = U_ZERO_ERROR;
  UText ut = UTEXT_INITIALIZER;
  utext_openUChars(&ut, text16.data(), static_cast<int64_t>(text16.size()), &status);
  if (U_FAILURE(status)) return;
  it.setText(&ut, status);
  Utf8Offsets offsets(text);
  it.first();
  std::size_t begin = base;
  for (int32_t end = it.next(); end != icu::BreakIterator::DONE; end = it.next()) {
    const std::size_t end_byte = base + offsets.byte_at(static_cast<std::size_t>(end));
    f(begin, end_byte, it.getRuleStatus());
    begin = end_byte;
  }
  utext_close(&ut);
}

// Whether the code point at s[i] is upper (or title) case, lower case, or neither; moves
// i past it.
inline void classify_letter(const uint8_t* s, int32_t& i, int32_t n, bool& is_upper, bool& is_lower) {
  if (s[i] < 0x80) {
    // ASCII has no title-case letters, and its only cased letters are A-Z and a-z.
    is_upper = static_cast<unsigned>(s[i] - 'A') < 26;
    is_lower = static_cast<unsigned>(s[i] - 'a') < 26;
    ++i;
    return;
  }
  UChar32 c;
  U8_NEXT(s, i, n, c);
  is_upper = u_isupper(c) || u_istitle(c);
  is_lower = !is_upper && u_islower(c);
}

}  // namespace

Case letter_case(std::string_view word) {
  int upper = 0, lower = 0;
  const auto* s = reinterpret_cast<const uint8_t*>(word.data());
  const int32_t n = static_cast<int32_t>(word.size());
  int32_t i = 0;
  // Most words are ASCII all through: counted without a call.
  for (; i < n && s[i] < 0x80; ++i) {
    upper += static_cast<unsigned>(s[i] - 'A') < 26;
    lower += static_cast<unsigned>(s[i] - 'a') < 26;
  }
  bool is_upper = false, is_lower = false;
  while (i < n) {
    classify_letter(s, i, n, is_upper, is_lower);
    upper += is_upper;
    lower += is_lower;
  }
  if (upper + lower == 0) return Case::None;
  if (upper == 0) return Case::Lower;
  if (lower == 0) return upper >= 2 ? Case::Upper : Case::Capital;
  if (upper > 1) return Case::Mixed;
  // One capital: "Blinken" if it comes first of the letters, "iPhone" if not.
  for (i = 0; i < n;) {
    classify_letter(s, i, n, is_upper, is_lower);
    if (is_upper || is_lower) return is_upper ? Case::Capital : Case::Mixed;
  }
  return Case::Mixed;
}

namespace {

bool is_space_only(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; });
}

// URLs, e-mail addresses and social handles, which the word breaker would cut apart.
const RE2& special_tokens() {
  static const RE2 re(R"((https?://[^\s<>"“”]+[^\s<>"“”.,;:!?)\]'’]|www\.[^\s<>"“”]+[^\s<>"“”.,;:!?)\]'’])|([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})|(?:^|[^\w@])(@[A-Za-z0-9_]{2,15}))");
  return re;
}

}  // namespace

Document::Document(const Source& source, const Speller* speller, const Tagger* tagger, const ProseOptions& options)
    : Document(source, extract_prose(source, options), speller, tagger) {}

Document::Document(const Source& source, Prose prose, const Speller* speller, const Tagger* tagger, const Source* file,
                   std::size_t offset)
    : source_(&source), file_(file != nullptr ? file : &source), offset_in_file_(offset), too_deep_(prose.too_deep),
      tagger_(tagger) {
  // A mapped file's plain text is the mapping (the engine hands its sections over as
  // text); a Document of the whole of it holds a copy.
  prose_ = prose.mapped ? std::string(prose.view()) : std::move(prose.text);
  references_ = std::move(prose.references);
  suppressions_ = std::move(prose.suppressions);
  split_paragraphs_at(prose.block_starts);
  // Both break iterators read the paragraphs from one UTF-16 copy.
  std::vector<std::pair<std::size_t, std::size_t>> ranges;
  ranges.reserve(paragraphs_.size());
  for (const Paragraph& p : paragraphs_) ranges.emplace_back(p.begin, p.end);
  Utf16Ranges paragraphs16(prose_, ranges);
  tokenize(paragraphs16);
  for (Token& t : tokens_) t.key = fold_word(t.text);
  split_sentences(paragraphs16);
  quote_marks_ = pair_quotation_marks(*this);
  mark_quoted_tokens();
  classify(speller);
}

void Document::split_paragraphs_at(const std::vector<std::size_t>& block_starts) {
  // A paragraph ends at a blank line, where the markup starts a block, and at a line
  // break unless the line looks wrapped (long, and not ending a sentence).
  const std::string_view text = prose_;
  std::size_t para_begin = std::string_view::npos;
  auto close = [&](std::size_t end) {
    if (para_begin == std::string_view::npos) return;
    while (end > para_begin && is_space_only(text.substr(end - 1, 1))) --end;
    if (end > para_begin) paragraphs_.push_back({para_begin, end, 0, 0, false});
    para_begin = std::string_view::npos;
  };
  auto blocks = block_starts.begin();
  for (std::size_t line_begin = 0; line_begin < text.size();) {
    std::size_t line_end = text.find('\n', line_begin);
    if (line_end == std::string_view::npos) line_end = text.size();
    // Blocks that start inside this line cut it into pieces of their own.
    for (std::size_t piece = line_begin; piece < line_end;) {
      const std::size_t first = std::min(line_end, text.find_first_not_of(" \t\r", piece));
      bool starts_block = piece > line_begin;
      for (; blocks != block_starts.end() && *blocks <= first; ++blocks) starts_block = true;
      if (starts_block) close(piece);
      const std::size_t piece_end =
          blocks != block_starts.end() && *blocks < line_end ? *blocks : line_end;
      const std::string_view segment = text.substr(piece, piece_end - piece);
      if (!is_space_only(segment) && para_begin == std::string_view::npos)
        para_begin = piece + segment.find_first_not_of(" \t\r");
      piece = piece_end;
    }
    const std::string_view line = text.substr(line_begin, line_end - line_begin);
    if (is_space_only(line)) {
      close(line_begin);
    } else {
      const std::string_view trimmed = line.substr(0, line.find_last_not_of(" \t\r") + 1);
      const UChar32 last = code_point_before(trimmed, trimmed.size());
      const bool ends_sentence =
          last == '.' || last == '!' || last == '?' || last == ':' || last == ';' || is_closing_mark(last);
      const std::size_t next = text.find_first_not_of(" \t\r", line_end + 1);
      const bool next_lower = next != std::string_view::npos && u_islower(code_point_at(text, next));
      const bool wrapped = !ends_sentence && (trimmed.size() >= 50 || last == ',' || next_lower);
      // Markup says where its paragraphs end; only plain text is read line by line.
      if (!wrapped && source_->format() == Format::Plain) close(line_end);
    }
    line_begin = line_end + 1;
  }
  close(text.size());
}

void Document::tokenize(const Utf16Ranges& paragraphs16) {
  const std::string_view text = prose_;
  // Special tokens first; the word breaker fills the gaps between them. A URL has "http"
  // or "www.", an e-mail address or a handle an "@": most texts need no search at all.
  std::vector<Token> specials;
  if (text.find('@') != std::string_view::npos || text.find("http") != std::string_view::npos ||
      text.find("www.") != std::string_view::npos) {
    re2::StringPiece input(text.data(), text.size()), url, email, handle;
    re2::StringPiece rest = input;
    while (RE2::FindAndConsume(&rest, special_tokens(), &url, &email, &handle)) {
      Token t;
      if (!url.empty()) { t.kind = TokenKind::Url; t.begin = url.data() - text.data(); t.end = t.begin + url.size(); }
      else if (!email.empty()) { t.kind = TokenKind::Email; t.begin = email.data() - text.data(); t.end = t.begin + email.size(); }
      else if (!handle.empty()) { t.kind = TokenKind::Handle; t.begin = handle.data() - text.data(); t.end = t.begin + handle.size(); }
      else break;
      specials.push_back(t);
      if (rest.empty()) break;
    }
  }
  // News runs about five bytes a token: room for nearly every text without growing.
  tokens_.reserve(text.size() / 4 + 16);
  auto special = specials.begin();
  for (std::size_t pi = 0; pi < paragraphs_.size(); ++pi) {
    const Paragraph& p = paragraphs_[pi];
    each_segment(word_breaker(), paragraphs16.range(pi), text.substr(p.begin, p.end - p.begin), p.begin,
                 [&](std::size_t b, std::size_t e, int32_t status) {
                   while (special != specials.end() && special->end <= b) ++special;
                   if (special != specials.end() && special->begin < e) {
                     // Inside a special token: emit it once, at its first segment.
                     if (tokens_.empty() || tokens_.back().begin != special->begin) tokens_.push_back(*special);
                     return;
                   }
                   const std::string_view seg = text.substr(b, e - b);
                   if (status < UBRK_WORD_NUMBER && is_space_only(seg)) return;
                   Token& t = tokens_.emplace_back();
                   t.begin = b;
                   t.end = e;
                   if (status >= UBRK_WORD_LETTER) t.kind = TokenKind::Word;
                   else if (status >= UBRK_WORD_NUMBER) t.kind = TokenKind::Number;
                   else if (u_ispunct(code_point_at(seg, 0))) t.kind = TokenKind::Punct;
                   else t.kind = TokenKind::Symbol;
                 });
  }
  for (Token& t : tokens_) {
    t.text = text.substr(t.begin, t.end - t.begin);
    t.letter_case = letter_case(t.text);
    t.digit_or_dot = has_digit_or_dot(t.text);
  }
}

void Document::split_sentences(Utf16Ranges& paragraphs16) {
  const std::string_view text = prose_;
  std::size_t tok = 0;
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  for (std::uint32_t pi = 0; pi < paragraphs_.size(); ++pi) {
    Paragraph& p = paragraphs_[pi];
    const std::string_view para = text.substr(p.begin, p.end - p.begin);
    // Wrapped lines inside a paragraph: give ICU spaces, not line breaks that end sentences.
    if (para.find('\n') != std::string_view::npos) paragraphs16.replace(pi, u'\n', u' ');
    if (para.find('\r') != std::string_view::npos) paragraphs16.replace(pi, u'\r', u' ');
    spans.clear();
    each_segment(sentence_breaker(), paragraphs16.range(pi), para, p.begin,
                 [&](std::size_t b, std::size_t e, int32_t) { spans.emplace_back(b, e); });
    p.first_sentence = static_cast<std::uint32_t>(sentences_.size());
    std::size_t first_tok = tok;
    for (auto [b, e] : spans) {
      std::size_t last = tok;
      while (last < tokens_.size() && tokens_[last].begin < e) ++last;
      if (last == tok) continue;
      // Does the previous sentence end on an abbreviation or an initial that cannot end it?
      bool merge = false;
      const bool only_punct = std::all_of(tokens_.begin() + tok, tokens_.begin() + last,
                                          [](const Token& t) { return t.kind == TokenKind::Punct; });
      if (sentences_.size() > p.first_sentence) {
        const Token& next = tokens_[tok];
        const std::size_t prev_last = tok - 1;
        if (only_punct) {
          merge = true;
        } else if (prev_last > first_tok && tokens_[prev_last].text == ".") {
          const Token& w = tokens_[prev_last - 1];
          const bool initial = w.kind == TokenKind::Word && w.size() == 1 && w.letter_case == Case::Capital;
          const Case next_case = next.letter_case;
          if (is_prefix_abbreviation(w.text)) merge = true;
          else if (initial && next_case == Case::Capital) merge = true;
          else if (is_abbreviation(w.text) && (next_case == Case::Lower || next.kind == TokenKind::Number ||
                                               !starts_sentences(next.text)))
            merge = true;  // "the U.S. Senate", "No. 10"; but "in the U.S. The …" ends a sentence
        }
      }
      if (merge) {
        sentences_.back().last_token = static_cast<std::uint32_t>(last);
      } else {
        Sentence s;
        s.first_token = static_cast<std::uint32_t>(tok);
        s.last_token = static_cast<std::uint32_t>(last);
        s.paragraph = pi;
        sentences_.push_back(s);
      }
      tok = last;
    }
    p.last_sentence = static_cast<std::uint32_t>(sentences_.size());
  }
  for (std::uint32_t si = 0; si < sentences_.size(); ++si) {
    Sentence& s = sentences_[si];
    s.begin = tokens_[s.first_token].begin;
    s.end = tokens_[s.last_token - 1].end;
    for (std::uint32_t k = s.first_token; k < s.last_token; ++k) tokens_[k].sentence = si;
  }
}

void Document::mark_quoted_tokens() {
  // The words between a double mark that opens and the mark that closes it, or the end
  // of the paragraph; the marks count as quoted too. Where inch marks make pairing
  // unsafe, a straight mark still toggles.
  std::uint32_t paragraph = 0;
  bool inside = false;
  std::uint32_t from = 0;
  auto fill = [&](std::uint32_t to) {
    for (std::uint32_t k = from; k < to; ++k) tokens_[k].in_quote = true;
  };
  for (const QuoteMark& m : quote_marks_) {
    if (!m.double_mark || m.role == QuoteRole::Apostrophe) continue;
    const std::uint32_t p = sentences_[tokens_[m.token].sentence].paragraph;
    if (inside && p != paragraph) {
      fill(sentences_[paragraphs_[paragraph].last_sentence - 1].last_token);
      inside = false;
    }
    paragraph = p;
    const bool opens = m.role == QuoteRole::Opening || m.role == QuoteRole::Unclosed ||
                       (m.role == QuoteRole::Unknown && !inside);
    if (opens && !inside) {
      inside = true;
      from = m.token;
    } else if (!opens) {
      if (!inside) from = m.token;
      fill(m.token + 1);
      inside = false;
    }
  }
  if (inside) fill(sentences_[paragraphs_[paragraph].last_sentence - 1].last_token);
}

void Document::classify(const Speller* speller) {
  for (Sentence& s : sentences_) {
    bool initial = true;
    for (std::uint32_t k = s.first_token; k < s.last_token; ++k) {
      Token& t = tokens_[k];
      if (t.kind == TokenKind::Word || t.kind == TokenKind::Number) {
        ++word_count_;
        t.sentence_initial = initial;
        initial = false;
      } else if (initial && !(is_opening_quotation_mark(t.text) || t.text == "\"" || t.text == "(" || t.text == "'" ||
                              t.text == "-" || t.text == "\u2014")) {
        initial = false;
      }
      if (speller != nullptr && t.kind == TokenKind::Word) {
        t.known = speller->known(t.text);
        if (!t.known && t.letter_case != Case::Lower) t.known = speller->known(fold_case(t.text));
      }
    }
  }
  for (Paragraph& p : paragraphs_) {
    if (p.last_sentence - p.first_sentence != 1) continue;
    const Sentence& s = sentences_[p.first_sentence];
    const Token& last = tokens_[s.last_token - 1];
    const bool terminal = last.text == "." || last.text == "!" || last.text == "?" || last.text == "\u201D" ||
                          last.text == "\"";
    p.heading_like = !terminal && s.token_count() <= 15 && slice(p.begin, p.end).find('\n') == std::string_view::npos;
  }
}

Pos Document::pos(std::uint32_t token) const {
  if (tagger_ == nullptr) return Pos::None;
  if (tags_.empty()) {
    tags_.assign(tokens_.size(), Pos::None);
    tagged_.assign(sentences_.size(), false);
  }
  const std::uint32_t sentence = tokens_[token].sentence;
  if (!tagged_[sentence]) tag_sentence(sentence);
  return tags_[token];
}

void Document::tag_sentence(std::uint32_t sentence) const {
  const Sentence& s = sentences_[sentence];
  sentence_words_.clear();
  for (std::uint32_t k = s.first_token; k < s.last_token; ++k) sentence_words_.push_back(tokens_[k].text);
  tagger_->tag(sentence_words_, sentence_tags_);
  for (std::uint32_t k = s.first_token; k < s.last_token && k - s.first_token < sentence_tags_.size(); ++k)
    tags_[k] = sentence_tags_[k - s.first_token];
  tagged_[sentence] = true;
}

}  // namespace copydesk
