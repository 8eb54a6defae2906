// JUnit XML (the Ant report), which GitLab, Jenkins and most CI servers show as test
// results: one test suite per checked file, one failed test case per finding, and a
// passing case for a file with none so that clean files show up too.
#include <unistd.h>

#include <array>
#include <ctime>
#include <fmt/format.h>

#include "report/reporter.hpp"
#include "report/xml_writer.hpp"

namespace copydesk {
namespace {

std::string utc_now() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  std::array<char, 32> buf{};
  std::strftime(buf.data(), buf.size(), "%Y-%m-%dT%H:%M:%S", &tm);
  return buf.data();
}

std::string host_name() {
  std::array<char, 256> buf{};
  if (gethostname(buf.data(), buf.size() - 1) != 0 || buf[0] == '\0') return "localhost";
  return buf.data();
}

void test_case(XmlWriter& xml, const std::string& name, const std::string& classname) {
  xml.open("testcase");
  xml.attribute("name", name);
  xml.attribute("classname", classname);
  xml.attribute("time", "0");
}

}  // namespace

void report_junit(std::ostream& out, const std::vector<Result>& files) {
  const std::string timestamp = utc_now(), host = host_name();
  XmlWriter xml;
  xml.open("testsuites");
  for (std::size_t i = 0; i < files.size(); ++i) {
    const Result& f = files[i];
    xml.open("testsuite");
    xml.attribute("name", f.path);
    xml.attribute("package", "copydesk");
    xml.attribute("id", std::to_string(i));
    xml.attribute("timestamp", timestamp);
    xml.attribute("hostname", host);
    xml.attribute("tests", std::to_string(std::max<std::size_t>(1, f.diagnostics.size())));
    xml.attribute("failures", std::to_string(f.diagnostics.size()));
    xml.attribute("errors", "0");
    xml.attribute("time", "0");
    xml.open("properties");
    xml.close();
    for (const Diagnostic& d : f.diagnostics) {
      const Position p = f.source->position(d.offset);
      test_case(xml, fmt::format("{} at {}:{}", d.rule, p.line, p.column), f.path);
      xml.open("failure");
      xml.attribute("message", d.message);
      xml.attribute("type", d.rule);
      xml.text(fmt::format("{}:{}:{}: {}: {} [{}]", f.path, p.line, p.column, severity_name(d.severity), d.message, d.rule));
      xml.close();
      xml.close();
    }
    if (f.diagnostics.empty()) {
      test_case(xml, "no findings", f.path);
      xml.close();
    }
    xml.open("system-out");
    xml.close();
    xml.open("system-err");
    xml.close();
    xml.close();
  }
  xml.close();
  out << xml.finish();
}

}  // namespace copydesk
