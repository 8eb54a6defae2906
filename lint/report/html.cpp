// The proof page: one self-contained HTML file per run (inline CSS, no script, no
// network) that shows each article as text with the flagged spans marked by category,
// the notes beside their paragraph and related places linked.
#include <algorithm>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <map>
#include <set>
#include <tuple>

#include "report/reporter.hpp"

namespace copydesk {
namespace {

constexpr std::string_view kStyle = R"css(
:root { --names:#f6c85f; --garbled:#f4a6a6; --repetition:#9fd3f7; --spelling:#f7a8e0; --punctuation:#b9e3a4;
        --style:#cdb8f5; --artifacts:#ffb37c; --other:#d8d8d8; }
body { font: 16px/1.55 Georgia, "Times New Roman", serif; color:#222; margin:0 auto; max-width:74rem; padding:1rem 2rem; }
h1 { font-size:1.5rem; margin:.2rem 0; } h2 { font-size:1.15rem; margin:2rem 0 .3rem; border-bottom:1px solid #ccc; }
table { border-collapse:collapse; margin:.5rem 0 1rem; font:14px/1.4 system-ui, sans-serif; }
th, td { border:1px solid #ddd; padding:.2rem .6rem; text-align:left; } td.n { text-align:right; }
.meta, .notes, .summary p { font:13px/1.45 system-ui, sans-serif; color:#444; }
.swatch { display:inline-block; width:.8em; height:.8em; margin-right:.4em; vertical-align:-.05em; }
.row { display:grid; grid-template-columns:minmax(0,1fr) 22rem; gap:1.5rem; content-visibility:auto;
       contain-intrinsic-size:auto 6rem; }
.text { white-space:pre-wrap; margin:.45rem 0; }
mark { border-bottom:2px solid #555; padding:0 1px; color:inherit; }
mark:empty::after { content:"‸"; }
mark.overlap { border-bottom-style:double; border-bottom-width:3px; }
.place { border-bottom:2px dotted #555; }
.anchor:target + mark, .anchor:target + .place { outline:2px solid #0645ad; }
.notes { list-style:none; margin:.45rem 0; padding:0; }
.note { border-left:4px solid; padding:.1rem .5rem; margin-bottom:.4rem; break-inside:avoid; }
.note:target { background:#eef3ff; }
.rule { color:#666; } .fix { color:#165c16; } .sev-error .sev { color:#b00; font-weight:bold; }
sup a, .note a { color:#0645ad; text-decoration:none; }
.cat-names { --c:var(--names); } .cat-garbled { --c:var(--garbled); } .cat-repetition { --c:var(--repetition); }
.cat-spelling { --c:var(--spelling); } .cat-punctuation { --c:var(--punctuation); } .cat-style { --c:var(--style); }
.cat-artifacts { --c:var(--artifacts); } .cat-other { --c:var(--other); }
mark[class*="cat-"], .swatch { background:var(--c); } .note { border-color:var(--c); }
@media print {
  body { font-size:10.5pt; max-width:none; padding:0; }
  .row { grid-template-columns:minmax(0,1fr) 15rem; gap:1rem; content-visibility:visible; }
  .article { break-before:page; } .article:first-of-type { break-before:auto; }
  mark, .swatch { -webkit-print-color-adjust:exact; print-color-adjust:exact; }
  a { color:inherit; }
}
)css";

constexpr std::string_view kCategories[] = {"names", "garbled", "repetition", "spelling", "punctuation", "style", "artifacts"};

// A class name for a category; a rule pack's own categories share one colour.
std::string category_class(std::string_view category) {
  const bool known = std::find(std::begin(kCategories), std::end(kCategories), category) != std::end(kCategories);
  return fmt::format("cat-{}", known ? category : "other");
}

// A span the page marks: a finding's or a related place's, each marked once.
struct Place {
  std::size_t offset, length;
  bool operator<(const Place& o) const { return std::tie(offset, length) < std::tie(o.offset, o.length); }
};

class ArticleWriter {
 public:
  ArticleWriter(std::string& out, const Result& file, std::size_t index) : out_(out), file_(file), index_(index) {
    for (const Diagnostic& d : file.diagnostics) {
      place_of_.push_back(place_number({d.offset, d.length}));
      for (const Related& r : d.related) place_number({r.offset, r.length});
    }
    for (std::size_t n = 0; n < file.diagnostics.size(); ++n) findings_at_[place_of_[n]].push_back(n);
  }

  void write() {
    const std::string_view text = file_.source->valid_text();
    // Places by start; `next` walks them as the rows go by, `open` holds those still running.
    std::vector<std::size_t> by_start(places_.size());
    for (std::size_t p = 0; p < places_.size(); ++p) by_start[p] = p;
    std::sort(by_start.begin(), by_start.end(), [&](auto a, auto b) { return places_[a] < places_[b]; });
    std::size_t next = 0;
    std::vector<std::size_t> open;
    for (std::size_t start = 0; start <= text.size();) {
      std::size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      std::vector<std::size_t> row = open;
      while (next < by_start.size() && places_[by_start[next]].offset <= end) row.push_back(by_start[next++]);
      if (!row.empty() || text.find_first_not_of(" \t\r", start) < end) write_row(text, start, end, row);
      open.clear();
      for (std::size_t p : row)
        if (places_[p].offset + places_[p].length > end + 1) open.push_back(p);
      start = end + 1;
    }
  }

 private:
  std::string id(char kind, std::size_t n) const { return fmt::format("f{}-{}{}", index_, kind, n + 1); }

  std::size_t place_number(Place p) {
    const auto [it, added] = numbers_.emplace(p, places_.size());
    if (added) places_.push_back(p);
    return it->second;
  }

  // One line of the source: its text with the marks, then the notes of the findings
  // that start on it.
  void write_row(std::string_view text, std::size_t start, std::size_t end, const std::vector<std::size_t>& row) {
    if (end > start && text[end - 1] == '\r') --end;  // a CRLF line's break is no text
    struct Event {
      std::size_t at;
      bool opens;
      std::size_t place;
    };
    std::vector<Event> events;
    for (std::size_t p : row) {
      const std::size_t from = std::max(places_[p].offset, start);
      events.push_back({from, true, p});
      events.push_back({std::min(places_[p].offset + places_[p].length, end), false, p});
    }
    // At one offset: closings first, so a span ending where another starts does not touch it.
    std::stable_sort(events.begin(), events.end(), [](const Event& a, const Event& b) {
      return a.at != b.at ? a.at < b.at : (!a.opens && b.opens);
    });
    out_ += "<div class=\"row\"><div class=\"text\">";
    std::set<std::size_t> active;
    std::size_t at = start;
    for (std::size_t i = 0; i < events.size();) {
      write_segment(text, at, events[i].at, active);
      at = events[i].at;
      std::vector<std::size_t> ended;
      for (; i < events.size() && events[i].at == at && !events[i].opens; ++i) {
        const std::size_t p = events[i].place;
        active.erase(p);
        // A span that goes on to the next line is numbered where it ends.
        if (places_[p].offset + places_[p].length <= end + 1) ended.push_back(p);
      }
      write_references(ended);
      for (; i < events.size() && events[i].at == at && events[i].opens; ++i) {
        const std::size_t p = events[i].place;
        if (places_[p].offset < start) {  // a span from the line before goes on
          active.insert(p);
          continue;
        }
        out_ += fmt::format("<a class=\"anchor\" id=\"{}\"></a>", id('p', p));
        if (places_[p].length == 0) {
          write_segment(text, at, at, {p});
          write_references({p});
        } else {
          active.insert(p);
        }
      }
    }
    write_segment(text, at, end, active);
    out_ += "</div><ol class=\"notes\">";
    for (std::size_t p : row)
      if (places_[p].offset >= start && places_[p].offset <= end)
        for (std::size_t n : findings_at(p)) write_note(n);
    out_ += "</ol></div>\n";
  }

  const std::vector<std::size_t>& findings_at(std::size_t place) const {
    static const std::vector<std::size_t> none;
    const auto it = findings_at_.find(place);
    return it == findings_at_.end() ? none : it->second;
  }

  // Text under the same places: a mark naming its findings, coloured by the innermost.
  void write_segment(std::string_view text, std::size_t from, std::size_t to, const std::set<std::size_t>& active) {
    if (to < from || (to == from && (active.empty() || places_[*active.begin()].length != 0))) return;
    const std::string escaped = escape_html(std::string_view(text).substr(from, to - from));
    std::vector<std::size_t> findings;
    const Diagnostic* innermost = nullptr;
    for (std::size_t p : active)
      for (std::size_t n : findings_at(p)) {
        findings.push_back(n + 1);
        const Diagnostic& d = file_.diagnostics[n];
        if (innermost == nullptr || d.length < innermost->length) innermost = &d;
      }
    if (innermost != nullptr) {
      std::sort(findings.begin(), findings.end());
      out_ += fmt::format("<mark class=\"{}{}\" data-findings=\"{}\">{}</mark>", category_class(innermost->category),
                          findings.size() > 1 ? " overlap" : "", fmt::join(findings, " "), escaped);
    } else if (!active.empty()) {
      out_ += fmt::format("<span class=\"place\">{}</span>", escaped);
    } else {
      out_ += escaped;
    }
  }

  // The note numbers after a span, linking to the notes.
  void write_references(const std::vector<std::size_t>& places) {
    for (std::size_t p : places)
      for (std::size_t n : findings_at(p)) out_ += fmt::format("<sup><a href=\"#{}\">{}</a></sup>", id('n', n), n + 1);
  }

  void write_note(std::size_t n) {
    const Diagnostic& d = file_.diagnostics[n];
    const Position where = file_.source->position(d.offset);
    out_ += fmt::format(
        "<li class=\"note {} sev-{}\" id=\"{}\"><a href=\"#{}\">{}</a> <span class=\"sev\">{}</span> "
        "<span class=\"where\">{}:{}</span> <span class=\"message\">{}</span> <span class=\"rule\">[{}]</span>",
        category_class(d.category), severity_name(d.severity), id('n', n), id('p', place_of_[n]), n + 1,
        severity_name(d.severity), where.line, where.column, escape_html(d.message), escape_html(d.rule));
    if (!d.suggestions.empty()) {
      std::vector<std::string> fixes;
      for (const std::string& s : d.suggestions) fixes.push_back(s.empty() ? "remove it" : "“" + escape_html(s) + "”");
      out_ += fmt::format(" <span class=\"fix\">→ {}</span>", fmt::join(fixes, ", "));
    }
    if (!d.related.empty()) {
      out_ += " <span class=\"related\">See";
      for (const Related& r : d.related) {
        const Position p = file_.source->position(r.offset);
        out_ += fmt::format(" <a href=\"#{}\" title=\"{}\">{}:{}</a>", id('p', numbers_.at({r.offset, r.length})),
                            escape_html(r.message), p.line, p.column);
      }
      out_ += "</span>";
    }
    out_ += "</li>";
  }

  std::string& out_;
  const Result& file_;
  std::size_t index_;
  std::vector<Place> places_;
  std::map<Place, std::size_t> numbers_;
  std::vector<std::size_t> place_of_;                          // by finding
  std::map<std::size_t, std::vector<std::size_t>> findings_at_;  // by place
};

std::map<std::string, std::size_t> count_by_category(const std::vector<Result>& files) {
  std::map<std::string, std::size_t> counts;
  for (const Result& f : files)
    for (const Diagnostic& d : f.diagnostics) ++counts[d.category];
  return counts;
}

void write_summary(std::string& out, const std::vector<Result>& files) {
  const Summary s = summarize(files);
  out += fmt::format("<header class=\"summary\"><h1>copydesk proof</h1><p>{} file{} checked, {} words: {} error{}, {} "
                     "warning{}, {} info</p>\n<table class=\"counts\"><tr><th>category</th><th>findings</th></tr>\n",
                     s.files, s.files == 1 ? "" : "s", s.words, s.errors, s.errors == 1 ? "" : "s", s.warnings,
                     s.warnings == 1 ? "" : "s", s.info);
  for (const auto& [category, n] : count_by_category(files))
    out += fmt::format("<tr class=\"{}\"><td><span class=\"swatch\"></span>{}</td><td class=\"n\">{}</td></tr>\n",
                       category_class(category), escape_html(category), n);
  out += "</table></header>\n";
}

void write_file_table(std::string& out, const std::vector<Result>& files) {
  out += "<nav><table class=\"files\"><tr><th>file</th><th>words</th><th>errors</th><th>warnings</th><th>info</th></tr>\n";
  for (std::size_t i = 0; i < files.size(); ++i) {
    const Summary s = summarize({files[i]});
    out += fmt::format("<tr><td><a href=\"#f{}\">{}</a></td><td class=\"n\">{}</td><td class=\"n\">{}</td>"
                       "<td class=\"n\">{}</td><td class=\"n\">{}</td></tr>\n",
                       i + 1, escape_html(files[i].path), s.words, s.errors, s.warnings, s.info);
  }
  out += "</table></nav>\n";
}

}  // namespace

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

void report_html(std::ostream& out, const std::vector<Result>& files) {
  std::string page = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      // The page forbids itself scripts and fetching anything, whoever edits it later.
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
      "<title>copydesk proof: {}</title><style>{}</style></head>\n<body>\n",
      files.size() == 1 ? escape_html(files.front().path) : fmt::format("{} files", files.size()), kStyle);
  write_summary(page, files);
  if (files.size() > 1) write_file_table(page, files);
  for (std::size_t i = 0; i < files.size(); ++i) {
    const Result& f = files[i];
    page += fmt::format("<section class=\"article\" id=\"f{}\"><h2>{}</h2><p class=\"meta\">{} words, {} finding{}</p>\n",
                        i + 1, escape_html(f.path), f.words, f.diagnostics.size(), f.diagnostics.size() == 1 ? "" : "s");
    ArticleWriter(page, f, i + 1).write();
    page += "</section>\n";
  }
  page += "</body></html>\n";
  out << page;
}

}  // namespace copydesk
