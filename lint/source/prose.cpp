#include "source/prose.hpp"

#include <algorithm>
#include <gumbo.h>
#include <md4c.h>

namespace copydesk {
namespace {

// Starts from a blank copy of the source that keeps only its line breaks.
Prose blank_like(const std::string& text) {
  Prose prose;
  prose.text.assign(text.size(), ' ');
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') prose.text[i] = '\n';
  return prose;
}

void reveal(Prose& prose, const std::string& text, std::size_t begin, std::size_t length) {
  if (begin >= text.size()) return;
  length = std::min(length, text.size() - begin);
  std::copy_n(text.begin() + begin, length, prose.text.begin() + begin);
}

struct MarkdownWalk {
  const std::string* text;
  Prose* prose;
  int code_depth = 0;
  bool pending_block = false;
};

Prose markdown_prose(const std::string& text) {
  Prose prose = blank_like(text);
  MarkdownWalk walk{&text, &prose};
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
    const bool prose_text = type == MD_TEXT_NORMAL || type == MD_TEXT_ENTITY;
    if (prose_text && w->code_depth == 0) reveal(*w->prose, *w->text, offset, size);
    return 0;
  };
  md_parse(text.data(), static_cast<MD_SIZE>(text.size()), &parser, &walk);
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

void walk_html(const GumboNode* node, const std::string& text, Prose& prose) {
  if (node->type == GUMBO_NODE_TEXT) {
    const GumboText& t = node->v.text;
    reveal(prose, text, t.start_pos.offset, t.original_text.length);
    return;
  }
  if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) return;
  const GumboVector* children = node->type == GUMBO_NODE_DOCUMENT ? &node->v.document.children
                                                                  : &node->v.element.children;
  if (node->type == GUMBO_NODE_ELEMENT) {
    const GumboTag tag = node->v.element.tag;
    if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_PRE ||
        tag == GUMBO_TAG_CODE || tag == GUMBO_TAG_NOSCRIPT)
      return;
    if (is_block_tag(tag) && node->v.element.original_tag.data != nullptr)
      prose.block_starts.push_back(node->v.element.start_pos.offset);
  }
  for (unsigned i = 0; i < children->length; ++i)
    walk_html(static_cast<const GumboNode*>(children->data[i]), text, prose);
}

Prose html_prose(const std::string& text) {
  Prose prose = blank_like(text);
  GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions, text.data(), text.size());
  walk_html(output->document, text, prose);
  gumbo_destroy_output(&kGumboDefaultOptions, output);
  std::sort(prose.block_starts.begin(), prose.block_starts.end());
  return prose;
}

}  // namespace

Prose extract_prose(const Source& source) {
  switch (source.format()) {
    case Format::Markdown:
      return markdown_prose(source.valid_text());
    case Format::Html:
      return html_prose(source.valid_text());
    case Format::Plain:
      break;
  }
  return Prose{source.valid_text(), {}};
}

}  // namespace copydesk
