// Long plain text mapped rather than read (source/file_mapping.hpp): the same places,
// lines and findings as the file read whole, in every report format, and a file that
// changes under the mapping fails by name instead of crashing.
#include <catch2/catch.hpp>
#include <fcntl.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "copydesk/copydesk.hpp"
#include "copydesk/error.hpp"
#include "source/file_mapping.hpp"
#include "source/source.hpp"

using namespace copydesk;
namespace fs = std::filesystem;

namespace {

// A file of its own in the temporary folder, removed at the end.
struct TempText {
  fs::path path;
  explicit TempText(const std::string& bytes) {
    path = fs::temp_directory_path() / ("copydesk-mapped-" + std::to_string(::getpid()) + "-" + std::to_string(counter()++) + ".txt");
    std::ofstream(path, std::ios::binary) << bytes;
  }
  ~TempText() { fs::remove(path); }
  static int& counter() {
    static int n = 0;
    return n;
  }
};

std::shared_ptr<FileMapping> map_file(const fs::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  REQUIRE(fd >= 0);
  auto file = FileMapping::map(fd, fs::file_size(path));
  ::close(fd);
  REQUIRE(file);
  return file;
}

std::shared_ptr<const Source> mapped_source(const fs::path& path) {
  return std::make_shared<const Source>(path.string(), map_file(path), Format::Plain);
}

// A byte-order mark, CRLF line ends, a lone CR, a byte that is not UTF-8, accented letters.
const std::string kAwkward = "\xEF\xBB\xBFThe caf\xC3\xA9 opened.\r\nIt sold the the coffee \xFF there.\rNext line.\r\n\r\nEnd";

}  // namespace

TEST_CASE("a mapped file has the places, lines and repairs of the file read whole", "[mapped]") {
  const TempText file(kAwkward);
  const auto mapped = mapped_source(file.path);
  const Source whole(file.path.string(), kAwkward);
  CHECK(mapped->bytes() == whole.bytes());
  CHECK(mapped->valid_text() == whole.valid_text());
  CHECK(mapped->valid_text() != mapped->bytes());  // repaired: the mark, the bad byte, the lone CR
  REQUIRE(mapped->invalid_utf8().size() == 1);
  CHECK(mapped->invalid_utf8()[0].offset == whole.invalid_utf8()[0].offset);
  REQUIRE(mapped->line_count() == whole.line_count());
  for (std::size_t line = 1; line <= whole.line_count(); ++line) {
    CHECK(mapped->line_text(line) == whole.line_text(line));
    CHECK(mapped->line_start(line) == whole.line_start(line));
  }
  for (std::size_t offset = 0; offset <= kAwkward.size(); ++offset) {
    CHECK(mapped->position(offset).line == whole.position(offset).line);
    CHECK(mapped->position(offset).column == whole.position(offset).column);
  }
  // Letting pages go loses nothing: they are read again, repairs and all.
  mapped->release(0, kAwkward.size());
  CHECK(mapped->valid_text() == whole.valid_text());
  CHECK(mapped->bytes() == kAwkward);
  CHECK_NOTHROW(mapped->verify_unchanged());
}

TEST_CASE("bytes changed in a mapping stay when its pages are let go of; the file's are read again", "[mapped]") {
  const std::string text(3 * 4096 + 100, 'a');
  const TempText file(text);
  const auto original = map_file(file.path);
  auto copy = original->copy();
  REQUIRE(copy);
  copy->fill(5000, 3, 'b');
  copy->release(0, text.size());
  original->release(0, text.size());
  CHECK(copy->view().substr(4999, 5) == "abbba");
  CHECK(original->view() == text);  // a copy's change is its own
  CHECK(copy->view().substr(0, 4999) == text.substr(0, 4999));
  CHECK(!copy->changed());
}

TEST_CASE("a mapped file truncated or rewritten while checked fails by name, without a crash", "[mapped]") {
  const std::string text(5 * 4096, 'x');
  {
    const TempText file(text);
    const auto source = mapped_source(file.path);
    fs::resize_file(file.path, 100);
    // Past the new end the pages read as zeros (the SIGBUS handler's), not a crash.
    CHECK(source->bytes()[3 * 4096] == '\0');
    CHECK(source->bytes()[10] == 'x');
    CHECK_THROWS_WITH(source->verify_unchanged(), Catch::Contains(file.path.string()) && Catch::Contains("changed while it was checked"));
  }
  {
    const TempText file(text);
    const auto source = mapped_source(file.path);
    CHECK_NOTHROW(source->verify_unchanged());
    std::ofstream(file.path, std::ios::binary | std::ios::app) << "more";
    CHECK_THROWS_AS(source->verify_unchanged(), InputError);
  }
}

TEST_CASE("a mapped file checked in sections reports byte for byte what the file read whole does", "[mapped][sections]") {
  // Many sections of about 2 KiB: doubled words and double spaces near every cut, a
  // suppression that spans several sections, a cap per rule that is reached in a later
  // section, a byte-order mark, CRLF line ends and a byte that is not UTF-8.
  std::string text = "\xEF\xBB\xBFThe council met on Monday.\r\n\r\n";
  for (int i = 0; i < 120; ++i) {
    if (i == 20) text += "copydesk-disable punctuation.double-space\r\n\r\n";
    if (i == 60) text += "copydesk-enable punctuation.double-space\r\n\r\n";
    text += "Paragraph " + std::to_string(i) + " says the mayor spoke to reporters on Tuesday about the budget, "
            "and the council voted to hire more teachers for the schools next year.\r\n";
    text += (i % 7 == 0 ? "The the vote passed  easily" : "The vote passed easily");
    text += (i == 90 ? " in the caf\xE9.\r\n\r\n" : ".\r\n\r\n");
  }
  const TempText file(text);
  Options options;
  options.data_dir = COPYDESK_SOURCE_DIR;
  options.limits.section_bytes = 2048;
  options.limits.findings_per_rule = 5;
  const Linter linter(options);
  const Inputs whole{std::make_shared<const Source>(file.path.string(), text)};
  const Inputs mapped{mapped_source(file.path)};
  const auto from_whole = linter.check(whole, 1);
  const auto from_mapping = linter.check(mapped, 1);
  REQUIRE(from_whole[0].diagnostics.size() > 10);
  const std::string json = linter.render(from_whole, "json");
  CHECK(json.find("repetition.doubled-word") != std::string::npos);
  CHECK(json.find("more findings of this rule") != std::string::npos);
  CHECK(json.find("artifacts.invalid-utf8") != std::string::npos);
  for (const std::string& format : Linter::formats()) {
    INFO(format);
    CHECK(linter.render(from_mapping, format) == linter.render(from_whole, format));
  }
}

TEST_CASE("names learned from and fixes made to a mapped file are those of the file read whole", "[mapped]") {
  std::string text;
  for (int i = 0; i < 40; ++i)
    text += "Mayor Smithson of Springfield said on Tuesday that the the budget would pass.\n\n";
  const TempText file(text);
  Options options;
  options.data_dir = COPYDESK_SOURCE_DIR;
  const Linter linter(options);
  const Inputs whole{std::make_shared<const Source>(file.path.string(), text)};
  const Inputs mapped{mapped_source(file.path)};
  const NameCounts from_whole = linter.learn_names(whole, 1);
  REQUIRE(from_whole.count("Smithson") == 1);
  CHECK(from_whole.at("Smithson") == 40);
  CHECK(linter.learn_names(mapped, 1) == from_whole);

  const auto checked_whole = linter.check(whole, 1);
  const auto checked_mapped = linter.check(mapped, 1);
  const FixResult fixed_whole = linter.fix(checked_whole[0]);
  REQUIRE(fixed_whole.applied > 0);  // the doubled words
  const FixResult fixed_mapped = linter.fix(checked_mapped[0]);
  CHECK(fixed_mapped.applied == fixed_whole.applied);
  CHECK(fixed_mapped.fixed == fixed_whole.fixed);
}

TEST_CASE("a mapped file changed after its check is neither reported nor fixed", "[mapped]") {
  std::string text;
  for (int i = 0; i < 40; ++i) text += "The the council met on Monday.\n\n";
  const TempText file(text);
  Options options;
  options.data_dir = COPYDESK_SOURCE_DIR;
  const Linter linter(options);
  const auto checked = linter.check(Inputs{mapped_source(file.path)}, 1);
  REQUIRE_FALSE(checked[0].diagnostics.empty());
  CHECK_NOTHROW(linter.render(checked, "json"));
  std::ofstream(file.path, std::ios::binary | std::ios::app) << "more";
  CHECK_THROWS_WITH(linter.render(checked, "json"), Catch::Contains("changed while it was checked"));
  CHECK_THROWS_AS(linter.fix(checked[0]), InputError);
}

TEST_CASE("only plain text over a MiB is mapped; shorter files and markup are read whole", "[mapped]") {
  std::string text;
  while (text.size() <= (1u << 20)) text += "The council met on Monday and the mayor spoke.\n\n";
  const TempText file(text), short_file("The council met.\n");
  const fs::path markdown = file.path.string() + ".md";
  fs::copy_file(file.path, markdown);
  const Inputs inputs = read_inputs({file.path.string(), short_file.path.string(), markdown.string()});
  fs::remove(markdown);
  REQUIRE(inputs.size() == 3);
  CHECK(inputs[0]->valid_mapping() != nullptr);
  CHECK(inputs[0]->bytes() == text);
  CHECK(inputs[1]->valid_mapping() == nullptr);
  CHECK(inputs[2]->valid_mapping() == nullptr);
}
