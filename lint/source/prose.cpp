#include "source/prose.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <fmt/format.h>
#include <gumbo.h>
#include <md4c.h>

#include "base/text.hpp"
#include "copydesk/error.hpp"

namespace copydesk {
namespace {

// Starts from a blank copy of the source that keeps only its line breaks.
Prose blank_like(std::string_view text) {
  Prose prose;
  prose.text.assign(text.size(), ' ');
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') prose.text[i] = '\n';
  return prose;
}

void reveal(Prose& prose, std::string_view text, std::size_t begin, std::size_t length) {
  if (begin >= text.size()) return;
  length = std::min(length, text.size() - begin);
  std::copy_n(text.begin() + begin, length, prose.text.begin() + begin);
}

// What a character reference such as "&eacute;" or "&#8220;" stands for, as gumbo reads
// it; empty when it stands for nothing.
std::string decode_reference(std::string_view reference) {
  GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions, reference.data(), reference.size());
  std::string decoded;
  const GumboNode* node = output->root;
  // html > head, body > text
  if (node->v.element.children.length == 2) {
    const auto* body = static_cast<const GumboNode*>(node->v.element.children.data[1]);
    if (body->type == GUMBO_NODE_ELEMENT && body->v.element.children.length == 1) {
      const auto* text = static_cast<const GumboNode*>(body->v.element.children.data[0]);
      if (text->type == GUMBO_NODE_TEXT) decoded = text->v.text.text;
    }
  }
  gumbo_destroy_output(&kGumboDefaultOptions, output);
  return decoded;
}

// Writes the character a reference stands for in its place, padded with spaces to the
// reference's length so offsets hold: "&rdquo;" reads as a closing quotation mark, not
// as the word "rdquo". Opening marks go last, next to the word they open.
void reveal_reference(Prose& prose, std::size_t begin, std::string_view reference) {
  prose.references.push_back({begin, reference.size()});
  const std::string decoded = decode_reference(reference);
  std::fill_n(prose.text.begin() + begin, reference.size(), ' ');
  if (decoded.empty() || decoded.size() > reference.size()) return;
  const bool opening = is_opening_quotation_mark(decoded) || decoded == "(" || decoded == "[";
  const std::size_t at = opening ? begin + reference.size() - decoded.size() : begin;
  std::copy(decoded.begin(), decoded.end(), prose.text.begin() + at);
}

// Reveals HTML text, decoding the character references in it.
void reveal_html_text(Prose& prose, std::string_view text, std::size_t begin, std::size_t length) {
  reveal(prose, text, begin, length);
  const std::string_view span = std::string_view(text).substr(begin, length);
  for (std::size_t amp = span.find('&'); amp != std::string_view::npos; amp = span.find('&', amp + 1)) {
    const std::size_t semi = span.find(';', amp);
    if (semi == std::string_view::npos || semi - amp > 32) continue;
    reveal_reference(prose, begin + amp, span.substr(amp, semi - amp + 1));
  }
}

// A comment `<!--...-->` of `length` bytes at `begin`: a suppression when it says one.
void read_comment(Prose& prose, std::string_view text, std::size_t begin, std::size_t length) {
  std::string_view comment = text.substr(begin, length);
  if (comment.substr(0, 4) != "<!--") return;
  const std::size_t body_length = comment.size() >= 7 && comment.substr(comment.size() - 3) == "-->" ? comment.size() - 7
                                                                                                     : comment.size() - 4;
  if (auto s = parse_suppression(comment.substr(4, body_length), begin + 4, begin, length))
    prose.suppressions.push_back(std::move(*s));
}

struct MarkdownWalk {
  const std::string* text;
  Prose* prose;
  int code_depth = 0;
  bool pending_block = false;
  std::vector<TextSpan> html;  // raw HTML as md4c found it: comments are only there, never in code
};

// The comments inside the raw HTML of a Markdown article.
void read_markdown_comments(Prose& prose, std::string_view text, const std::vector<TextSpan>& html) {
  for (std::size_t at = text.find("<!--"); at != std::string::npos; at = text.find("<!--", at + 4)) {
    const bool in_html = std::any_of(html.begin(), html.end(), [&](const TextSpan& h) {
      return at >= h.offset && at < h.offset + h.length;
    });
    if (!in_html) continue;
    const std::size_t close = text.find("-->", at + 4);
    const std::size_t end = close == std::string::npos ? text.size() : close + 3;
    read_comment(prose, text, at, end - at);
  }
}

Prose markdown_prose(std::string_view source_text, const ProseOptions& options) {
  // Front matter is blanked before md4c sees it (it would read "---" as a rule and the
  // fields as a heading); the fields an editor writes are revealed where they are.
  const FrontMatter front = find_front_matter(source_text, options.front_matter_fields);
  std::string body(source_text);
  for (std::size_t i = 0; i < front.end; ++i)
    if (body[i] != '\n') body[i] = ' ';
  const std::string& text = body;
  Prose prose = blank_like(text);
  for (const TextSpan& field : front.fields) {
    reveal(prose, source_text, field.offset, field.length);
    prose.block_starts.push_back(field.offset);
  }
  MarkdownWalk walk{&text, &prose, 0, false, {}};
  MD_PARSER parser{};
  parser.flags = MD_DIALECT_GITHUB;
  parser.enter_block = [](MD_BLOCKTYPE type, void*, void* data) {
    auto* w = static_cast<MarkdownWalk*>(data);
    if (type == MD_BLOCK_CODE || type == MD_BLOCK_HTML) ++w->code_depth;
    w->pending_block = true;
    return 0;
  };
  parser.leave_block = [](MD_BLOCKTYPE type, void*, void* data) {
    auto* w = static_cast<MarkdownWalk*>(data);
    if (type == MD_BLOCK_CODE || type == MD_BLOCK_HTML) --w->code_depth;
    return 0;
  };
  parser.enter_span = [](MD_SPANTYPE, void*, void*) { return 0; };
  parser.leave_span = [](MD_SPANTYPE, void*, void*) { return 0; };
  parser.text = [](MD_TEXTTYPE type, const MD_CHAR* chars, MD_SIZE size, void* data) {
    auto* w = static_cast<MarkdownWalk*>(data);
    const char* base = w->text->data();
    // Only text that md4c hands back as a slice of the input can be placed.
    if (chars < base || chars + size > base + w->text->size()) return 0;
    const auto offset = static_cast<std::size_t>(chars - base);
    if (w->pending_block) {
      w->prose->block_starts.push_back(offset);
      w->pending_block = false;
    }
    if (type == MD_TEXT_HTML) w->html.push_back({offset, size});
    if (w->code_depth > 0) return 0;
    if (type == MD_TEXT_NORMAL) reveal(*w->prose, *w->text, offset, size);
    else if (type == MD_TEXT_ENTITY) reveal_reference(*w->prose, offset, std::string_view(chars, size));
    return 0;
  };
  md_parse(text.data(), static_cast<MD_SIZE>(text.size()), &parser, &walk);
  read_markdown_comments(prose, text, walk.html);
  std::sort(prose.block_starts.begin(), prose.block_starts.end());
  return prose;
}

bool is_block_tag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_H1: case GUMBO_TAG_H2:
    case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
    case GUMBO_TAG_LI: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_BR: case GUMBO_TAG_TR:
    case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_SECTION:
    case GUMBO_TAG_TITLE: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER: case GUMBO_TAG_DT: case GUMBO_TAG_DD:
      return true;
    default:
      return false;
  }
}

// An image's alt attribute is what a reader without the image reads: prose of its own.
void reveal_alt_text(const GumboElement& image, std::string_view text, Prose& prose) {
  const GumboAttribute* alt = gumbo_get_attribute(&image.attributes, "alt");
  if (alt == nullptr || alt->original_value.length < 2) return;
  const char quote = alt->original_value.data[0];
  if (quote != '"' && quote != '\'') return;  // an unquoted value ends at a space: never prose
  const std::size_t begin = alt->value_start.offset + 1;
  prose.block_starts.push_back(begin);
  reveal_html_text(prose, text, begin, alt->original_value.length - 2);
  if (image.original_tag.data != nullptr) prose.block_starts.push_back(image.start_pos.offset + image.original_tag.length);
}

// Iterative, with a stack of its own: a recursive walk overflowed the thread's stack on
// about 100,000 nested elements.
void walk_html(const GumboNode* root, std::string_view text, Prose& prose) {
  std::vector<const GumboNode*> pending{root};
  while (!pending.empty()) {
    const GumboNode* node = pending.back();
    pending.pop_back();
    if (node->type == GUMBO_NODE_TEXT) {
      const GumboText& t = node->v.text;
      reveal_html_text(prose, text, t.start_pos.offset, t.original_text.length);
      continue;
    }
    if (node->type == GUMBO_NODE_COMMENT) {
      read_comment(prose, text, node->v.text.start_pos.offset, node->v.text.original_text.length);
      continue;
    }
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) continue;
    const GumboVector* children = node->type == GUMBO_NODE_DOCUMENT ? &node->v.document.children
                                                                    : &node->v.element.children;
    if (node->type == GUMBO_NODE_ELEMENT) {
      const GumboTag tag = node->v.element.tag;
      if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_PRE ||
          tag == GUMBO_TAG_CODE || tag == GUMBO_TAG_NOSCRIPT)
        continue;
      if (is_block_tag(tag) && node->v.element.original_tag.data != nullptr)
        prose.block_starts.push_back(node->v.element.start_pos.offset);
      if (tag == GUMBO_TAG_IMG) reveal_alt_text(node->v.element, text, prose);
    }
    // Children in reverse, so that they come off the stack in document order.
    for (unsigned i = children->length; i-- > 0;) pending.push_back(static_cast<const GumboNode*>(children->data[i]));
  }
}

// The HTML elements that never take an end tag (the HTML standard's void elements).
bool is_void_element(std::string_view name) {
  static constexpr std::string_view kVoid[] = {"area", "base", "br", "col", "embed", "hr", "img",
                                               "input", "link", "meta", "source", "track", "wbr"};
  return std::find(std::begin(kVoid), std::end(kVoid), name) != std::end(kVoid);
}

// The first start tag past `limit` levels of nesting, counted on the tags alone in one
// pass: start tags open, end tags close, void elements and self-closing tags do not
// count. An omitted end tag makes the count an upper bound.
std::optional<TextSpan> too_deep_tag(std::string_view html, std::size_t limit) {
  std::size_t depth = 0;
  for (std::size_t at = html.find('<'); at != std::string_view::npos; at = html.find('<', at + 1)) {
    const bool closing = at + 1 < html.size() && html[at + 1] == '/';
    std::size_t name_end = at + 1 + closing;
    while (name_end < html.size() && std::isalnum(static_cast<unsigned char>(html[name_end]))) ++name_end;
    if (name_end == at + 1 + closing) continue;  // "<!--", "<!doctype", "< 5": no element
    const std::string name = ascii_lower(html.substr(at + 1 + closing, name_end - at - 1 - closing));
    const std::size_t gt = html.find('>', name_end);
    const bool self_closing = gt != std::string_view::npos && gt > 0 && html[gt - 1] == '/';
    if (closing) depth = depth > 0 ? depth - 1 : 0;
    else if (!self_closing && !is_void_element(name) && ++depth > limit)
      return TextSpan{at, (gt == std::string_view::npos ? name_end : gt + 1) - at};
  }
  return std::nullopt;
}

// Reveals the text between the tags, references decoded: the reading of markup too
// deep for gumbo.
void reveal_between_tags(Prose& prose, std::string_view text) {
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t lt = text.find('<', at);
    const std::size_t end = lt == std::string::npos ? text.size() : lt;
    reveal_html_text(prose, text, at, end - at);
    if (lt == std::string::npos) break;
    const std::size_t gt = text.find('>', lt);
    at = gt == std::string::npos ? text.size() : gt + 1;
  }
}

Prose html_prose(std::string_view text, const ProseOptions& options) {
  Prose prose = blank_like(text);
  if ((prose.too_deep = too_deep_tag(text, options.max_nesting))) {
    reveal_between_tags(prose, text);
    return prose;
  }
  // Parse errors are not used, and gumbo copies the whole stack of open elements into
  // each one: N unclosed nested tags made N errors of N tags each (100 KB of <div> took
  // 3 GB and 45 s). Record none.
  GumboOptions gumbo = kGumboDefaultOptions;
  gumbo.max_errors = 0;
  GumboOutput* output = gumbo_parse_with_options(&gumbo, text.data(), text.size());
  walk_html(output->document, text, prose);
  gumbo_destroy_output(&gumbo, output);
  std::sort(prose.block_starts.begin(), prose.block_starts.end());
  return prose;
}

// Plain text: a line that holds only a directive is one, and no prose. A mapped source's
// prose is its own mapping when a line is blanked (else the valid text's), read a block
// at a time and let go of behind.
Prose plain_prose(const Source& source) {
  const std::string_view text = source.valid_text();
  Prose prose;
  if (!source.valid_mapping()) prose.text = text;
  std::vector<TextSpan> blanked;
  std::size_t released = 0;
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t nl = text.find('\n', at);
    const std::size_t end = nl == std::string::npos ? text.size() : nl;
    const std::string_view line = text.substr(at, end - at);
    if (line.find("copydesk-") != std::string_view::npos) {
      if (auto s = parse_suppression(line, at, at, line.size())) {
        prose.suppressions.push_back(std::move(*s));
        blanked.push_back({at, line.size()});
      }
    }
    if (at - released >= kReleaseBlock) {
      source.release(released, at - released);
      released = at;
    }
    at = end + 1;
  }
  source.release(released, text.size() - released);
  if (const auto mapping = source.valid_mapping()) {
    std::shared_ptr<FileMapping> copy;
    if (!blanked.empty() && !(copy = source.valid_copy()))
      throw InputError(fmt::format("{}: cannot be read (mapping)", source.path()));
    for (const TextSpan& line : blanked) copy->fill(line.offset, line.length, ' ');
    prose.mapped = copy ? copy : mapping;
  } else {
    for (const TextSpan& line : blanked) std::fill_n(prose.text.begin() + static_cast<std::ptrdiff_t>(line.offset), line.length, ' ');
  }
  return prose;
}

}  // namespace

Prose extract_prose(const Source& source, const ProseOptions& options) {
  Prose prose;
  switch (source.format()) {
    case Format::Markdown:
      prose = markdown_prose(source.valid_text(), options);
      break;
    case Format::Html:
      prose = html_prose(source.valid_text(), options);
      break;
    case Format::Plain:
      prose = plain_prose(source);
      break;
  }
  // The walk may meet them out of order (gumbo moves misnested text); readers search them.
  std::sort(prose.references.begin(), prose.references.end(),
            [](const TextSpan& a, const TextSpan& b) { return a.offset < b.offset; });
  return prose;
}

}  // namespace copydesk
