// html-markup kind: HTML tags and character entities left in a plain-text file by a
// content system ("<p>", "&amp;", "&#8217;"). Markdown and HTML files are parsed, so
// their markup is not prose and is not looked at here.
#include <algorithm>
#include <cctype>
#include <fmt/format.h>
#include <optional>
#include <re2/re2.h>
#include <unicode/utf8.h>

#include "checks/artifacts/regex_characters.hpp"
#include "engine/check.hpp"

namespace copydesk {
namespace {

struct Entity {
  const char* name;
  const char* text;
};

// The named entities a feed leaves behind, with the characters they stand for.
constexpr Entity kEntities[] = {
    {"amp", "&"},         {"lt", "<"},          {"gt", ">"},          {"quot", "\""},       {"apos", "'"},
    {"nbsp", "\u00A0"},   {"mdash", "\u2014"},  {"ndash", "\u2013"},  {"lsquo", "\u2018"},  {"rsquo", "\u2019"},
    {"ldquo", "\u201C"},  {"rdquo", "\u201D"},  {"hellip", "\u2026"}, {"laquo", "\u00AB"},  {"raquo", "\u00BB"},
    {"eacute", "\u00E9"}, {"egrave", "\u00E8"}, {"aacute", "\u00E1"}, {"agrave", "\u00E0"}, {"iacute", "\u00ED"},
    {"oacute", "\u00F3"}, {"uacute", "\u00FA"}, {"ntilde", "\u00F1"}, {"ccedil", "\u00E7"}, {"auml", "\u00E4"},
    {"ouml", "\u00F6"},   {"uuml", "\u00FC"},   {"szlig", "\u00DF"},  {"copy", "\u00A9"},   {"reg", "\u00AE"},
    {"trade", "\u2122"},  {"deg", "\u00B0"},    {"shy", ""},          {"middot", "\u00B7"}, {"bull", "\u2022"},
    {"euro", "\u20AC"},   {"pound", "\u00A3"},  {"cent", "\u00A2"},   {"sect", "\u00A7"},   {"times", "\u00D7"}};

// What an entity stands for, or nothing when it is not one.
std::optional<std::string> decode_entity(std::string_view body) {
  if (body.size() > 1 && body[0] == '#') {
    const bool hex = body[1] == 'x' || body[1] == 'X';
    UChar32 c = 0;
    for (char d : body.substr(hex ? 2 : 1)) {
      const int v = std::isdigit(static_cast<unsigned char>(d)) ? d - '0' : (std::tolower(d) - 'a' + 10);
      c = c * (hex ? 16 : 10) + v;
      if (c > 0x10FFFF) return std::nullopt;
    }
    char buf[4];
    int32_t n = 0;
    UBool error = false;
    U8_APPEND(reinterpret_cast<uint8_t*>(buf), n, 4, c, error);
    if (error || c < 0x20) return std::nullopt;
    return std::string(buf, n);
  }
  for (const Entity& e : kEntities)
    if (body == e.name) return std::string(e.text);
  return std::nullopt;
}

// A tag's attributes may be up to 300 characters long. As a counted repetition of a
// UTF-8 class that grows RE2's program 300-fold, compiled with its DFA on every run, so
// the expression takes attributes of any length and this rejects a tag whose attributes
// are longer: those before the closing blanks, "/" and ">" that the expression would
// have matched after them.
bool attributes_fit(std::string_view tag) {
  const std::size_t name_end = tag.find_first_of(" \t\n\f\r/>", 2);  // "</" opens a closing tag
  std::size_t end = tag.size() - 1;                                      // the ">"
  if (tag[end - 1] == '/') --end;
  while (end > name_end && std::string_view(" \t\n\f\r").find(tag[end - 1]) != std::string_view::npos) --end;
  return end <= name_end + 1 || artifacts::regex_characters(tag.substr(name_end + 1, end - name_end - 1)) <= 300;
}

// A tag or an entity, the tag's attributes of any length (see attributes_fit).
const RE2& markup() {
  static const RE2 re(
      R"((?i)(</?(?:a|abbr|article|b|blockquote|br|caption|cite|code|div|em|figcaption|figure|font|footer|)"
      R"(h[1-6]|header|hr|i|iframe|img|li|link|meta|nav|ol|p|pre|q|s|script|section|small|span|strong|style|)"
      R"(sub|sup|table|tbody|td|th|thead|tr|u|ul)(?:\s[^<>\n]*)?\s*/?>)|&(#[0-9]{2,7}|#[xX][0-9a-fA-F]{2,6}|[a-zA-Z]{2,6});)");
  return re;
}

class HtmlMarkup : public Check {
 public:
  void run(const Document& doc, const Resources&, Emitter& out) const override {
    if (doc.source().format() != Format::Plain) return;
    // A tag starts at a "<" and an entity at a "&", which news copy seldom holds: the
    // expression is tried (and compiled at all) only there, anchored, rather than run
    // over every byte. The marks are found with memchr, each kept until passed.
    const std::string_view text = doc.text();
    const re2::StringPiece whole(text.data(), text.size());
    re2::StringPiece found[3];
    std::size_t from = 0, lt = text.find('<'), amp = text.find('&');
    while (true) {
      if (lt < from) lt = text.find('<', from);
      if (amp < from) amp = text.find('&', from);
      const std::size_t at = std::min(lt, amp);
      if (at == std::string_view::npos) break;
      from = at + 1;
      if (!markup().Match(whole, at, text.size(), RE2::ANCHOR_START, found, 3)) continue;
      const re2::StringPiece &tag = found[1], &entity = found[2];
      if (!tag.empty()) {
        // Only a tag starts at a "<", so a tag too long is no match there at all.
        if (!attributes_fit(std::string_view(tag.data(), tag.size()))) continue;
        from = at + tag.size();
        out.report(at, tag.size(), fmt::format("The HTML tag “{}” was left in the plain text.", tag), {""});
        continue;
      }
      from = static_cast<std::size_t>(found[0].end() - text.data());
      const std::string_view body(entity.data(), entity.size());
      const auto decoded = decode_entity(body);
      if (!decoded) continue;
      out.report(at, body.size() + 2,
                 fmt::format("The HTML entity “&{};” was left in the plain text{}.", body,
                             decoded->empty() ? "" : fmt::format(": it stands for “{}”", *decoded)),
                 {*decoded});
    }
  }
};

COPYDESK_REGISTER_CHECK("html-markup", [](const Rule&, const LoadContext&) {
  return std::make_unique<HtmlMarkup>();
});

}  // namespace
}  // namespace copydesk
