// XML documents written through libxml2's xmlTextWriter, which does the escaping; shared
// by the checkstyle and JUnit reports.
#pragma once
#include <libxml/xmlwriter.h>

#include <string>
#include <string_view>

namespace copydesk {

class XmlWriter {
 public:
  XmlWriter();  // starts an indented UTF-8 document
  ~XmlWriter();
  XmlWriter(const XmlWriter&) = delete;
  XmlWriter& operator=(const XmlWriter&) = delete;

  void open(const char* element);
  void attribute(const char* name, std::string_view value);
  void text(std::string_view value);
  void close();
  // Ends the document and returns it.
  std::string finish();

 private:
  xmlBufferPtr buffer_;
  xmlTextWriterPtr writer_;
};

}  // namespace copydesk
