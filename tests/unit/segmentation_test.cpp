// The Document segments through a UTF-16 copy of each paragraph, with boundaries mapped
// back to UTF-8 offsets, and classifies ASCII letters without ICU: each gives what ICU
// gives when it reads the UTF-8 text itself and classifies every code point.
#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>
#include <utility>
#include <vector>

#include "document/document.hpp"
#include "document/utf16_ranges.hpp"
#include "source/sections.hpp"

using namespace copydesk;

namespace {

using Spans = std::vector<std::pair<std::size_t, std::size_t>>;

// Accents, CJK (segmented by ICU's dictionary), emoji beyond the BMP, combining marks,
// ZWJ sequences, flags, and a wrapped line.
const std::vector<std::string> kTexts = {
    "Plain ASCII words, numbers like 3.14 and 1,200, and punctuation!",
    "Émile Zola’s café in São Paulo: naïve résumé. Ælfred’s ÉCOLE stayed.",
    "東京都の知事は言った。北京大学の学生が来た。 Then English again.",
    "Fans 🎉 cheered 😀😀 loudly. The 👩‍👩‍👧 family and 🏳️‍🌈 flag waved. 🇫🇷 France won.",
    "Cafe\u0301 and the n\u0303 and Z\u0336\u0335algo text. A second line\nwraps here. “Quoted,” she said.",
    "A long run of plain ASCII text before any accent at all, well past eight bytes: déjà vu. "
    "Then 123456789 and €100 or ₹5 and x² and Ω.",
};

// What ICU's word breaker gives over the paragraph read as UTF-8: the segments that are
// not spaces, at offsets in the text.
Spans words_read_as_utf8(const Document& doc) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createWordInstance(icu::Locale::getEnglish(), status));
  Spans out;
  for (const Paragraph& p : doc.paragraphs()) {
    const std::string_view text = doc.slice(p.begin, p.end);
    UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
    it->setText(ut, status);
    int32_t start = it->first();
    for (int32_t end = it->next(); end != icu::BreakIterator::DONE; start = end, end = it->next()) {
      const std::string_view seg = text.substr(start, end - start);
      if (seg.find_first_not_of(" \t\r\n") != std::string_view::npos) out.emplace_back(p.begin + start, p.begin + end);
    }
    utext_close(ut);
  }
  REQUIRE(U_SUCCESS(status));
  return out;
}

// What ICU's sentence breaker gives over each paragraph read as UTF-8, line breaks read
// as spaces: the byte range of the tokens in each sentence.
Spans sentences_read_as_utf8(const Document& doc) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), status));
  Spans out;
  for (const Paragraph& p : doc.paragraphs()) {
    std::string flat(doc.slice(p.begin, p.end));
    for (char& c : flat)
      if (c == '\n') c = ' ';
    UText* ut = utext_openUTF8(nullptr, flat.data(), static_cast<int64_t>(flat.size()), &status);
    it->setText(ut, status);
    int32_t start = it->first();
    for (int32_t end = it->next(); end != icu::BreakIterator::DONE; start = end, end = it->next()) {
      std::pair<std::size_t, std::size_t> span{0, 0};
      for (const Token& t : doc.tokens())
        if (t.begin >= p.begin + start && t.begin < p.begin + end) {
          if (span.second == 0) span.first = t.begin;
          span.second = t.end;
        }
      if (span.second != 0) out.push_back(span);
    }
    utext_close(ut);
  }
  REQUIRE(U_SUCCESS(status));
  return out;
}

Spans token_spans(const Document& doc) {
  Spans out;
  for (const Token& t : doc.tokens()) out.emplace_back(t.begin, t.end);
  return out;
}

Spans sentence_spans(const Document& doc) {
  Spans out;
  for (const Sentence& s : doc.sentences()) out.emplace_back(s.begin, s.end);
  return out;
}

// The case as ICU classifies every code point.
Case case_by_icu(std::string_view word) {
  int upper = 0, lower = 0;
  bool first_upper = false;
  const auto* s = reinterpret_cast<const uint8_t*>(word.data());
  const auto n = static_cast<int32_t>(word.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (u_isupper(c) || u_istitle(c)) {
      if (upper + lower == 0) first_upper = true;
      ++upper;
    } else if (u_islower(c)) {
      ++lower;
    }
  }
  if (upper + lower == 0) return Case::None;
  if (upper == 0) return Case::Lower;
  if (lower == 0) return upper >= 2 ? Case::Upper : Case::Capital;
  return first_upper && upper == 1 ? Case::Capital : Case::Mixed;
}

}  // namespace

TEST_CASE("UTF-16 ranges map back to the UTF-8 offsets ICU's UTF-8 text gives", "[segmentation]") {
  std::vector<std::string> texts = kTexts;
  texts.push_back("ill\xff" "formed \xe2\x80 cut \xf0\x9f\x98 and \xed\xa0\x80 surrogate \xc0\xaf end");
  for (const std::string& text : texts) {
    CAPTURE(text);
    // Two ranges, the second starting in the middle: offsets count from each range's start.
    const std::size_t cut = text.find(' ', text.size() / 2);
    const Spans ranges = {{0, cut}, {cut + 1, text.size()}};
    const Utf16Ranges units(text, ranges);
    REQUIRE(units.size() == 2);
    for (std::size_t r = 0; r < ranges.size(); ++r) {
      const std::string_view part = std::string_view(text).substr(ranges[r].first, ranges[r].second - ranges[r].first);
      const std::u16string_view part16 = units.range(r);
      UErrorCode status = U_ZERO_ERROR;
      UText* ut = utext_openUTF8(nullptr, part.data(), static_cast<int64_t>(part.size()), &status);
      REQUIRE(U_SUCCESS(status));
      Utf8Offsets offsets(part);
      std::size_t i = 0;
      for (UChar32 expected = utext_next32From(ut, 0); expected != U_SENTINEL; expected = UTEXT_NEXT32(ut)) {
        const std::size_t unit = i;
        UChar32 c;
        U16_NEXT(part16.data(), i, part16.size(), c);
        CHECK(c == expected);
        CHECK(offsets.byte_at(unit + U16_LENGTH(c)) == static_cast<std::size_t>(utext_getNativeIndex(ut)));
      }
      CHECK(i == part16.size());
      utext_close(ut);
    }
  }
}

TEST_CASE("tokens and sentences are ICU's over UTF-8, at offsets in the text", "[segmentation]") {
  for (const std::string& text : kTexts) {
    CAPTURE(text);
    const Source source("t", text, Format::Plain);
    const Document doc(source, nullptr, nullptr);
    CHECK(token_spans(doc) == words_read_as_utf8(doc));
    CHECK(sentence_spans(doc) == sentences_read_as_utf8(doc));
    for (const Token& t : doc.tokens()) CHECK(t.text == std::string_view(text).substr(t.begin, t.end - t.begin));
  }
  // Spot checks that the comparison sees the hard cases at all.
  const Source emoji("t", kTexts[3], Format::Plain);
  const Document doc(emoji, nullptr, nullptr);
  CHECK(doc.tokens()[1].text == "🎉");
  CHECK(doc.sentences().size() == 3);
  const Source cjk("t", kTexts[2], Format::Plain);
  const Document cjk_doc(cjk, nullptr, nullptr);
  CHECK(cjk_doc.tokens()[0].text == "東京");
}

TEST_CASE("a long input's sections segment as ICU does, from their own offsets", "[segmentation]") {
  std::string text;
  for (int i = 0; i < 6; ++i)
    for (const std::string& paragraph : kTexts) text += paragraph + "\n\n";
  const Source file("t", text, Format::Plain);
  const Prose prose = extract_prose(file);
  const std::vector<TextSpan> sections = split_sections(prose, 700);
  REQUIRE(sections.size() > 3);
  std::size_t tokens = 0;
  for (const TextSpan& section : sections) {
    CAPTURE(section.offset);
    const Source part("t", text.substr(section.offset, section.length), Format::Plain);
    const Document doc(part, prose_section(prose, section), nullptr, nullptr, &file, section.offset);
    CHECK(token_spans(doc) == words_read_as_utf8(doc));
    CHECK(sentence_spans(doc) == sentences_read_as_utf8(doc));
    tokens += doc.tokens().size();
  }
  const Document whole(file, nullptr, nullptr);
  CHECK(tokens == whole.tokens().size());
}

TEST_CASE("letter case of ASCII without ICU agrees with ICU's", "[segmentation]") {
  for (int b = 0; b < 0x80; ++b) {
    const std::string c(1, static_cast<char>(b));
    for (const std::string& word : {c, "a" + c, "A" + c, c + "b", c + "É", "é" + c + "x", "Ab" + c + "C"}) {
      CAPTURE(word);
      CHECK(letter_case(word) == case_by_icu(word));
    }
  }
  for (const std::string word : {"Émile", "ÉCOLE", "école", "McDonald", "iPhone", "ǅemal", "ΑΘΗΝΑ", "Straße", "東京",
                                 "Zalgo\u0336", "x²", "1,200", "\xff" "Ab"}) {
    CAPTURE(word);
    CHECK(letter_case(word) == case_by_icu(word));
  }
  CHECK(letter_case("ǅemal") == Case::Capital);
  CHECK(letter_case("ÉCOLE") == Case::Upper);
  CHECK(letter_case("McDonald") == Case::Mixed);
  CHECK(letter_case("1,200") == Case::None);
}

TEST_CASE("URLs, addresses and handles are found only where their marks are", "[segmentation]") {
  const Source with("t", "Mail desk@example.org or see www.example.com and http://a.example/b today.", Format::Plain);
  const Document doc(with, nullptr, nullptr);
  std::vector<TokenKind> kinds;
  for (const Token& t : doc.tokens())
    if (t.kind != TokenKind::Word && t.kind != TokenKind::Punct) kinds.push_back(t.kind);
  CHECK(kinds == std::vector<TokenKind>{TokenKind::Email, TokenKind::Url, TokenKind::Url});
  // Near misses: no "@", no lower-case "http", no "www.".
  const Source without("t", "Mail desk at example.org or see WWW.EXAMPLE.COM and HTTP://A.EXAMPLE/B today.",
                       Format::Plain);
  const Document near_misses(without, nullptr, nullptr);
  for (const Token& t : near_misses.tokens()) {
    CAPTURE(t.text);
    CHECK((t.kind == TokenKind::Word || t.kind == TokenKind::Punct));
  }
}
