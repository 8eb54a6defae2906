#include "api/corpus.hpp"

#include <fmt/format.h>
#include <optional>
#include <ostream>
#include <stdexcept>

#include "api/files.hpp"
#include "api/inputs.hpp"
#include "report/json.hpp"

namespace copydesk {
namespace {

// The formats a line may name; none named: the path's, or plain text.
std::optional<Format> format_named(const std::string& name) {
  if (name == "text") return Format::Plain;
  if (name == "markdown") return Format::Markdown;
  if (name == "html") return Format::Html;
  return std::nullopt;
}

// The article's bytes and the name its source goes by; throws InputError.
std::pair<std::string, std::string> article_text(const nlohmann::ordered_json& j) {
  const bool has_text = j.contains("text"), has_path = j.contains("path");
  if (has_text == has_path) throw InputError("give either \"text\" or \"path\"");
  const char* field = has_text ? "text" : "path";
  if (!j[field].is_string()) throw InputError(fmt::format("\"{}\" is not a string", field));
  const std::string value = j[field].get<std::string>();
  if (has_text) return {"<text>", value};
  std::string bytes = read_file(value);
  if (looks_binary(bytes)) throw InputError(fmt::format("{}: not a text file", value));
  return {value, std::move(bytes)};
}

}  // namespace

Article read_article(const std::string& line, std::size_t number) {
  Article a;
  a.line = number;
  try {
    nlohmann::ordered_json j;
    try {
      j = nlohmann::ordered_json::parse(line);
    } catch (const nlohmann::json::parse_error&) {
      throw InputError("not a JSON object");
    }
    if (!j.is_object()) throw InputError("not a JSON object");
    if (j.contains("id")) a.id = j["id"];
    if (!a.id.is_string() && !a.id.is_number()) throw InputError("\"id\" is missing or not a string or number");
    std::optional<Format> format;
    if (j.contains("format")) {
      format = j["format"].is_string() ? format_named(j["format"].get<std::string>()) : std::nullopt;
      if (!format) throw InputError("\"format\" is not text, markdown or html");
    }
    auto [name, bytes] = article_text(j);
    a.source = std::make_shared<const Source>(name, std::move(bytes), format.value_or(format_for_path(name)));
  } catch (const InputError& e) {
    a.error = e.what();
  }
  return a;
}

void tally(const Article& article, std::size_t words, CorpusSummary& summary, Progress& done) {
  if (article.source) {
    ++summary.articles;
    summary.words += words;
    count_done(done, *article.source, words);
    return;
  }
  if (summary.failed++ == 0) summary.first_failure = fmt::format("line {}: {}", article.line, article.error);
  ++done.done;
}

CorpusSummary check_corpus(const Engine& engine, std::istream& in, std::ostream& out, unsigned jobs,
                           const ProgressSink& progress) {
  struct Checked {
    std::string line;  // the result line
    FileResult result;
  };
  CorpusSummary summary;
  Progress done;
  stream_articles<Checked>(
      engine, in, jobs,
      [](const Engine::Worker& worker, Article& article, Checked& checked) {
        checked.result = worker.check(*article.source);
        nlohmann::ordered_json line = {{"id", article.id},
                                       {"words", checked.result.words},
                                       {"diagnostics", diagnostics_json(checked.result.diagnostics, *article.source)}};
        checked.line = dump_json(line);
      },
      [&](Article& article, Checked& checked) {
        tally(article, checked.result.words, summary, done);
        for (const Diagnostic& d : checked.result.diagnostics)
          ++(d.severity == Severity::Error ? summary.errors : d.severity == Severity::Warning ? summary.warnings : summary.info);
        if (article.source) out << checked.line << '\n';
        else out << dump_json({{"id", article.id}, {"line", article.line}, {"error", article.error}}) << '\n';
        // Each line goes out as soon as it is ready: a consumer downstream streams too.
        out.flush();
        if (!out) throw std::runtime_error("cannot write the results to standard output");
        if (progress) progress(done);
      });
  return summary;
}

}  // namespace copydesk
