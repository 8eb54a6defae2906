// Pathological inputs, generated here: each is checked by the copydesk binary in a child
// process whose CPU time and peak memory (getrusage of the child, not the wall clock)
// must stay under a bound, and whose output must stay in proportion to what it shows.
// The bounds are generous multiples of what a quiet machine measures (README, "Bounds"):
// what they catch is a quadratic or exponential case, which misses them by far.
#include <catch2/catch.hpp>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "e2e/run.hpp"

namespace fs = std::filesystem;
using e2e::Scratch;
using e2e::slurp;
using e2e::write;

namespace {

struct Measured {
  int status = -1;
  std::string out, err;
  double cpu_seconds = 0;  // user and system time of the child
  double peak_mb = 0;      // its largest resident set
};

// Runs the binary in `s.dir` with `args`, standard input from `input` (a file in s.dir,
// or none), measured by wait4. As root, `as_nobody` runs it as the nobody user, for whom
// a file without read permission is unreadable.
Measured measure(const Scratch& s, const std::vector<std::string>& args, const std::string& input = "",
                 bool as_nobody = false) {
  const pid_t pid = fork();
  if (pid == 0) {
    if (chdir(s.dir.c_str()) != 0) _exit(127);
    const int in = open(input.empty() ? "/dev/null" : input.c_str(), O_RDONLY);
    const int out = open(".out", O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int err = open(".err", O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (in < 0 || out < 0 || err < 0) _exit(127);
    dup2(in, 0), dup2(out, 1), dup2(err, 2);
    setenv("NO_COLOR", "1", 1);
    if (as_nobody && geteuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0)) _exit(127);
    std::vector<char*> argv{const_cast<char*>(COPYDESK_BINARY)};
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(COPYDESK_BINARY, argv.data());
    _exit(127);
  }
  int raw = 0;
  rusage usage{};
  wait4(pid, &raw, 0, &usage);
  Measured m;
  m.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  m.out = slurp(s.dir / ".out");
  m.err = slurp(s.dir / ".err");
  m.cpu_seconds = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                  static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
  m.peak_mb = static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
  return m;
}

std::string repeat(const std::string& piece, std::size_t times) {
  std::string out;
  out.reserve(piece.size() * times);
  for (std::size_t i = 0; i < times; ++i) out += piece;
  return out;
}

std::size_t count(const std::string& text, const std::string& piece) {
  std::size_t n = 0;
  for (std::size_t at = text.find(piece); at != std::string::npos; at = text.find(piece, at + piece.size())) ++n;
  return n;
}

// What every run here must meet besides its own bounds: no crash, and a report.
void report(const Measured& m) {
  INFO(m.err.substr(0, 2000));
  UNSCOPED_INFO("CPU " << m.cpu_seconds << " s, peak " << m.peak_mb << " MB, output " << m.out.size() << " bytes");
  CHECK((m.status == 0 || m.status == 1));
}

}  // namespace

TEST_CASE("runs of one quotation mark or bracket stay bounded", "[pathological]") {
  Scratch s;
  write(s.dir / "quotes.txt", repeat("“", 100000));  // 300 KB
  write(s.dir / "brackets.txt", repeat("(", 300000));
  write(s.dir / "commas.txt", repeat("ab,", 100000));
  for (const char* file : {"quotes.txt", "brackets.txt", "commas.txt"}) {
    const Measured m = measure(s, {"check", "--format", "json", file});
    INFO(file);
    report(m);
    CHECK(m.cpu_seconds < 20);
    CHECK(m.peak_mb < 1000);
    // Findings are capped per rule (100) and their excerpts bounded: the output is
    // kilobytes, not the hundreds of megabytes a quoted run of the whole file would be.
    CHECK(m.out.size() < 2'000'000);
  }
}

TEST_CASE("tens of thousands of findings: the first 100 of a rule and one that counts the rest", "[pathological]") {
  Scratch s;
  write(s.dir / "doubled.txt", repeat("The the vote passed. ", 30000));
  const Measured m = measure(s, {"check", "--format", "json", "doubled.txt"});
  report(m);
  CHECK(m.cpu_seconds < 30);
  CHECK(m.peak_mb < 1000);
  const auto j = nlohmann::json::parse(m.out);
  std::size_t doubled = 0;
  std::string summary;
  for (const auto& d : j["files"][0]["diagnostics"])
    if (d["rule"] == "repetition.doubled-word") {
      ++doubled;
      if (d["message"].get<std::string>().find("more finding") != std::string::npos) summary = d["message"];
    }
  CHECK(doubled == 101);
  CHECK(summary == "…and 29900 more findings of this rule in this file, not shown (the first 100 are).");

  // --max-findings sets the cap; 0 lifts it.
  const Measured few = measure(s, {"check", "--format", "json", "--max-findings", "5", "doubled.txt"});
  CHECK(count(few.out, "\"repetition.doubled-word\"") == 6);
}

TEST_CASE("deeply nested HTML is read between the tags", "[pathological]") {
  Scratch s;
  write(s.dir / "deep.html", repeat("<div>", 200000) + "The the end." + repeat("</div>", 200000));
  const Measured m = measure(s, {"check", "deep.html"});
  report(m);
  CHECK(m.cpu_seconds < 10);
  CHECK(m.peak_mb < 1000);
  CHECK(m.out.find("deep.html:1:") != std::string::npos);
  // Said once, at the start tag past the limit (1,000 <div> of 5 bytes: column 5,001).
  CHECK(count(m.out, "[artifacts.markup-too-deep]") == 1);
  CHECK(m.out.find("deep.html:1:5001: warning") != std::string::npos);
  // The limit is the user's to set, from 1.
  write(s.dir / "fifty.html", repeat("<div>", 50) + "The end." + repeat("</div>", 50));
  CHECK(count(measure(s, {"check", "--max-nesting", "50", "fifty.html"}).out, "[artifacts.markup-too-deep]") == 0);
  CHECK(count(measure(s, {"check", "--max-nesting", "49", "fifty.html"}).out, "[artifacts.markup-too-deep]") == 1);
  const Measured zero = measure(s, {"check", "--max-nesting", "0", "fifty.html"});
  CHECK(zero.status == 2);
  CHECK(zero.err.find("--max-nesting") != std::string::npos);
}

TEST_CASE("a 10 MB single line: excerpts in time proportional to the excerpt", "[pathological]") {
  Scratch s;
  // 10,000 findings spread over one 10 MB line, none capped: building a table of the
  // whole line per finding (as text output once did) would be 10^11 steps.
  write(s.dir / "line.txt", repeat(std::string(998, 'a') + " ,", 5000) + repeat(std::string(998, 'b') + " ,", 5000));
  const Measured m = measure(s, {"check", "--max-findings", "0", "line.txt"});
  report(m);
  CHECK(m.cpu_seconds < 30);
  CHECK(m.peak_mb < 2000);
  // Each excerpt is at most 40 code points each side of the span, with an ellipsis.
  const std::size_t findings = count(m.out, "[punctuation.space-before-punctuation]");
  CHECK(findings == 10000);
  CHECK(m.out.size() < findings * 600);
}

TEST_CASE("memory stays flat on a long plain-text file, whatever its length", "[pathological]") {
  // A long file is checked in sections (source/sections.hpp) from a mapping whose checked
  // pages are let go of (source/file_mapping.hpp): neither its tokens nor its text are
  // held whole.
  Scratch s;
  std::string paragraph;
  for (int i = 0; i < 4; ++i)
    paragraph += "The council met on Monday to discuss the budget, and the mayor said the city would hire more "
                 "teachers next year. ";
  std::string one_mb;
  for (int n = 0; one_mb.size() < (1u << 20); ++n) one_mb += "Item " + std::to_string(n) + ". " + paragraph + "\n\n";
  write(s.dir / "one.txt", one_mb);
  write(s.dir / "six.txt", repeat(one_mb, 6));
  const Measured one = measure(s, {"check", "--format", "json", "one.txt"});
  const Measured six = measure(s, {"check", "--format", "json", "six.txt"});
  report(one);
  report(six);
  CHECK(six.cpu_seconds < 90);
  // Held whole (as read and as prose), 5 MB more took 12 MB more; now about 4 MB more
  // (the line index, findings, the allocator's growth), not in proportion to the text.
  CHECK(six.peak_mb - one.peak_mb < 8);
}

TEST_CASE("control characters in messages, excerpts and file names are shown escaped", "[pathological]") {
  Scratch s;
  const std::string name = "evil\x1b[2Jname.txt";
  write(s.dir / name, "He said \xe2\x80\x9chi\xe2\x80\xae there and then she left the the room.\x1b[2J Next.\n");
  for (const char* format : {"text", "github"}) {
    const Measured m = measure(s, {"check", "--format", format, name});
    INFO(format << ": " << m.out);
    report(m);
    CHECK(m.out.find('\x1b') == std::string::npos);
    CHECK(m.out.find("\xe2\x80\xae") == std::string::npos);
    CHECK(m.out.find("evil<U+001B>[2Jname.txt") != std::string::npos);
    CHECK(m.out.find("<U+202E>") != std::string::npos);
  }
  // JSON is for programs: it keeps the text as it is (escaped by JSON's own rules).
  const Measured json = measure(s, {"check", "--format", "json", name});
  CHECK(nlohmann::json::parse(json.out)["files"][0]["path"] == name);
}

TEST_CASE("an unreadable file or folder is noted, the rest checked, and the run fails", "[pathological]") {
  Scratch s;
  fs::permissions(s.dir, fs::perms::all, fs::perm_options::add);
  write(s.dir / "news" / "good.txt", "The minister adressed reporters.\n");
  write(s.dir / "news" / "locked" / "story.txt", "Hidden.\n");
  write(s.dir / "news" / "secret.txt", "Hidden.\n");
  fs::create_symlink("missing.txt", s.dir / "news" / "gone.txt");
  for (const auto& p : fs::recursive_directory_iterator(s.dir))
    if (!p.is_symlink()) fs::permissions(p.path(), fs::perms::others_read | fs::perms::others_exec, fs::perm_options::add);
  fs::permissions(s.dir / "news" / "locked", fs::perms::none, fs::perm_options::replace);
  fs::permissions(s.dir / "news" / "secret.txt", fs::perms::none, fs::perm_options::replace);

  const Measured walked = measure(s, {"check", "news"}, "", true);
  INFO(walked.err);
  CHECK(walked.status == 2);
  CHECK(walked.out.find("good.txt:1:14") != std::string::npos);  // the rest is checked and reported
  CHECK(walked.err.find("news/locked: folder cannot be read") != std::string::npos);
  CHECK(walked.err.find("news/secret.txt: cannot be read") != std::string::npos);
  CHECK(walked.err.find("news/gone.txt: cannot be read") != std::string::npos);
  CHECK(walked.err.find("3 paths could not be checked") != std::string::npos);

  const Measured named = measure(s, {"check", "news/secret.txt", "news/good.txt"}, "", true);
  CHECK(named.status == 2);
  CHECK(named.out.find("good.txt:1:14") != std::string::npos);
  CHECK(named.err.find("news/secret.txt: cannot be read") != std::string::npos);

  // Readable, the same folder is quiet about paths and fails only on findings.
  fs::permissions(s.dir / "news" / "locked", fs::perms::all, fs::perm_options::replace);
  fs::permissions(s.dir / "news" / "secret.txt", fs::perms::all, fs::perm_options::replace);
  fs::remove(s.dir / "news" / "gone.txt");
  const Measured fixed = measure(s, {"check", "news"}, "", true);
  CHECK(fixed.status == 1);
  CHECK(fixed.err.empty());
}

TEST_CASE("word lists: plain lists work, a bad one is an error with its place", "[pathological]") {
  Scratch s;
  write(s.dir / "story.txt", "Vartanien spoke. The minister adressed reporters.\n");
  write(s.dir / "plain.txt", "Vartanien\nadressed\n");
  write(s.dir / "hunspell.dic", "1\nVartanien\n");
  write(s.dir / "empty.txt", "\n\n");
  write(s.dir / "latin1.txt", "Vartanien\nCaf\xe9\n");
  write(s.dir / "phrases.txt", "Vartanien\nprime minister\n");
  write(s.dir / "binary.dic", std::string("12\nab\0cd\n", 9));

  const Measured plain = measure(s, {"check", "--format", "json", "--dict", "plain.txt", "story.txt"});
  CHECK(plain.status == 0);
  const Measured dic = measure(s, {"check", "--format", "json", "--dict", "hunspell.dic", "story.txt"});
  CHECK(dic.out.find("Vartanien") == std::string::npos);
  CHECK(dic.out.find("adressed") != std::string::npos);

  // Each bad list stops the run (exit 2) before any report, naming the file and the place.
  const std::pair<const char*, const char*> bad[] = {
      {"empty.txt", "empty.txt: word list has no words"},
      {"latin1.txt", "latin1.txt:2:4: word list is not UTF-8 text here"},
      {"phrases.txt", "phrases.txt:2:6: a word list has one word a line"},
      {"binary.dic", "binary.dic:2:3:"},
      {"nowhere.dic", "nowhere.dic"},
  };
  for (const auto& [file, error] : bad) {
    INFO(file);
    const Measured m = measure(s, {"check", "--dict", file, "story.txt"});
    CHECK(m.status == 2);
    CHECK(m.err.find(error) != std::string::npos);
    CHECK(m.out.empty());
  }
}

TEST_CASE("packs at scale: 10,000 consistency groups and 10,000 existence rules", "[pathological]") {
  Scratch s;
  std::string groups = "rules:\n  - id: style.house-spellings\n    kind: consistency\n    severity: warning\n"
                       "    message: One spelling.\n    options:\n      groups:\n";
  std::string phrases = "rules:\n";
  for (int i = 0; i < 10000; ++i) {
    groups += "        - [\"Zorbex" + std::to_string(i) + "\", \"Zorbecks" + std::to_string(i) + "\"]\n";
    phrases += "  - {id: garbled.house-" + std::to_string(i) + ", kind: existence, severity: warning, message: Cut."
               ", options: {phrases: [\"quux frob " + std::to_string(i) + "\"]}}\n";
  }
  write(s.dir / "packs" / "groups.yaml", groups);
  write(s.dir / "packs" / "phrases.yaml", phrases);
  write(s.dir / "story.txt", repeat("Zorbex17 met Zorbecks17 and Zorbex17 again; quux frob 4711 was said. ", 2000));
  const Measured m = measure(s, {"check", "--format", "json", "--rules", "packs", "story.txt"});
  report(m);
  CHECK(m.cpu_seconds < 30);
  CHECK(m.peak_mb < 1500);
  CHECK(count(m.out, "\"style.house-spellings\"") == 101);  // 2,000 findings, capped at 100 and a summary
  CHECK(count(m.out, "\"garbled.house-4711\"") == 101);
  CHECK(count(m.out, "\"garbled.house-4712\"") == 0);
}

TEST_CASE("input size is bounded: a larger file or standard input stops with its name", "[pathological]") {
  Scratch s;
  write(s.dir / "big.txt", repeat("The vote passed. ", 1000));
  const Measured named = measure(s, {"check", "--max-bytes", "1000", "big.txt"});
  CHECK(named.status == 2);
  CHECK(named.err.find("big.txt: larger than the limit of 1000 bytes") != std::string::npos);
  CHECK(named.out.empty());
  const Measured piped = measure(s, {"check", "--max-bytes", "1000"}, "big.txt");
  CHECK(piped.status == 2);
  CHECK(piped.err.find("<stdin>: larger than the limit of 1000 bytes") != std::string::npos);
  write(s.dir / "folder" / "big.txt", slurp(s.dir / "big.txt"));
  write(s.dir / "folder" / "small.txt", "The the vote.\n");
  const Measured walked = measure(s, {"check", "--max-bytes", "1000", "folder"});
  CHECK(walked.status == 2);
  CHECK(walked.out.find("small.txt:1:1") != std::string::npos);
  CHECK(walked.err.find("folder/big.txt: larger than the limit") != std::string::npos);
  CHECK(measure(s, {"check", "big.txt"}).status == 0);
}

TEST_CASE("UTF-16 with a byte-order mark is read as text", "[pathological]") {
  Scratch s;
  // "Blinken said the the talks…" in UTF-16LE and UTF-16BE, a mark first.
  auto utf16 = [](const std::u16string& text, bool little) {
    std::string out = little ? "\xFF\xFE" : "\xFE\xFF";
    for (char16_t c : text) {
      const char lo = static_cast<char>(c & 0xFF), hi = static_cast<char>(c >> 8);
      out += little ? std::string{lo, hi} : std::string{hi, lo};
    }
    return out;
  };
  const std::u16string text = u"Line one.\n\u201CQuoted,\u201D she said the the talks.\n";
  write(s.dir / "le.txt", utf16(text, true));
  write(s.dir / "be.txt", utf16(text, false));
  for (const char* file : {"le.txt", "be.txt"}) {
    const Measured m = measure(s, {"check", "--format", "json", file});
    INFO(file << ": " << m.err);
    REQUIRE(m.status == 1);
    const auto j = nlohmann::json::parse(m.out);
    bool doubled = false;
    for (const auto& d : j["files"][0]["diagnostics"])
      if (d["rule"] == "repetition.doubled-word") {
        doubled = true;
        CHECK(d["line"] == 2);
        CHECK(d["column"] == 20);  // code points, as an editor shows the file
        CHECK(d["text"] == "the the");
      }
    CHECK(doubled);
  }
  // A NUL byte without a mark is still no text.
  write(s.dir / "nul.txt", std::string("a\0b", 3));
  CHECK(measure(s, {"check", "nul.txt"}).status == 2);
}
