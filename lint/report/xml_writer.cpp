#include "report/xml_writer.hpp"

#include <stdexcept>
#include <unicode/utf8.h>

namespace copydesk {
namespace {

const xmlChar* x(const char* s) { return reinterpret_cast<const xmlChar*>(s); }

// XML 1.0 cannot carry most control characters even escaped, nor invalid UTF-8, which a
// message quoting a pipeline's leftovers may hold: each becomes U+FFFD.
std::string xml_chars(std::string_view s) {
  std::string out;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    const bool allowed = c >= 0x20 ? c != 0xFFFE && c != 0xFFFF : c == '\t' || c == '\n' || c == '\r';
    if (allowed) out.append(s.substr(start, i - start));
    else out += "\uFFFD";
  }
  return out;
}

void must(int status) {
  if (status < 0) throw std::runtime_error("cannot write the XML report");
}

}  // namespace

XmlWriter::XmlWriter() : buffer_(xmlBufferCreate()), writer_(xmlNewTextWriterMemory(buffer_, 0)) {
  if (writer_ == nullptr) throw std::runtime_error("cannot start the XML report");
  must(xmlTextWriterSetIndent(writer_, 1));
  must(xmlTextWriterSetIndentString(writer_, x("  ")));
  must(xmlTextWriterStartDocument(writer_, nullptr, "UTF-8", nullptr));
}

XmlWriter::~XmlWriter() {
  xmlFreeTextWriter(writer_);
  xmlBufferFree(buffer_);
}

void XmlWriter::open(const char* element) { must(xmlTextWriterStartElement(writer_, x(element))); }

void XmlWriter::attribute(const char* name, std::string_view value) {
  must(xmlTextWriterWriteAttribute(writer_, x(name), x(xml_chars(value).c_str())));
}

void XmlWriter::text(std::string_view value) { must(xmlTextWriterWriteString(writer_, x(xml_chars(value).c_str()))); }

void XmlWriter::close() { must(xmlTextWriterEndElement(writer_)); }

std::string XmlWriter::finish() {
  must(xmlTextWriterEndDocument(writer_));
  must(xmlTextWriterFlush(writer_));
  return std::string(reinterpret_cast<const char*>(xmlBufferContent(buffer_)), xmlBufferLength(buffer_));
}

}  // namespace copydesk
