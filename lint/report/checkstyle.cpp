// Checkstyle's XML report, read by Jenkins' warnings plugin and many CI dashboards:
// one <file> per input, one <error> per finding, columns in code points.
#include <fmt/format.h>

#include "report/reporter.hpp"
#include "report/xml_writer.hpp"

namespace copydesk {

void report_checkstyle(std::ostream& out, const std::vector<Result>& files) {
  XmlWriter xml;
  xml.open("checkstyle");
  xml.attribute("version", "8.0");
  for (const Result& f : files) {
    xml.open("file");
    xml.attribute("name", f.path);
    for (const Diagnostic& d : f.diagnostics) {
      const Position p = f.source->position(d.offset);
      xml.open("error");
      xml.attribute("line", std::to_string(p.line));
      xml.attribute("column", std::to_string(p.column));
      xml.attribute("severity", severity_name(d.severity));
      xml.attribute("message", d.message);
      xml.attribute("source", "copydesk." + d.rule);
      xml.close();
    }
    xml.close();
  }
  xml.close();
  out << xml.finish();
}

}  // namespace copydesk
