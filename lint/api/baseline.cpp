// Baselines: today's findings recorded, so that a check reports only the new ones.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "api/files.hpp"
#include "copydesk/copydesk.hpp"
#include "report/fingerprint.hpp"
#include "source/source.hpp"

namespace copydesk {
namespace {

constexpr int kBaselineVersion = 1;

// "./a.txt" and "a.txt" name one file.
std::string normal_path(const std::string& path) {
  return std::filesystem::path(path).lexically_normal().generic_string();
}

std::string key(const std::string& path, const std::string& rule, const std::string& fingerprint) {
  return normal_path(path) + '\0' + rule + '\0' + fingerprint;
}

}  // namespace

std::string Baseline::write(const std::vector<Result>& results) {
  using nlohmann::ordered_json;
  ordered_json findings = ordered_json::array();
  for (const Result& r : results) {
    const std::vector<std::string> prints = fingerprints(r);
    for (std::size_t i = 0; i < r.diagnostics.size(); ++i) {
      const Diagnostic& d = r.diagnostics[i];
      // The line and message are for a person reading the file; only path, rule and
      // fingerprint are matched.
      findings.push_back({{"path", normal_path(r.path)},
                          {"rule", d.rule},
                          {"fingerprint", prints[i]},
                          {"line", r.source->position(d.offset).line},
                          {"message", d.message}});
    }
  }
  const ordered_json doc = {{"copydesk-baseline", kBaselineVersion}, {"findings", findings}};
  return doc.dump(2, ' ', false, ordered_json::error_handler_t::replace) + '\n';
}

Baseline Baseline::read(const std::filesystem::path& file) {
  const std::string text = read_file(file);
  Baseline baseline;
  try {
    const nlohmann::json doc = nlohmann::json::parse(text);
    if (!doc.is_object() || doc.value("copydesk-baseline", 0) != kBaselineVersion)
      throw InputError(fmt::format("{}: not a copydesk baseline (version {} expected; write one with copydesk baseline write)",
                                   file.string(), kBaselineVersion));
    for (const auto& f : doc.at("findings"))
      ++baseline.known_[key(f.at("path").get<std::string>(), f.at("rule").get<std::string>(),
                            f.at("fingerprint").get<std::string>())];
  } catch (const nlohmann::json::exception& e) {
    throw InputError(fmt::format("{}: not a copydesk baseline: {}", file.string(), e.what()));
  }
  return baseline;
}

void Baseline::filter(std::vector<Result>& results) const {
  std::map<std::string, std::size_t> unmatched = known_;
  for (Result& r : results) {
    const std::vector<std::string> prints = fingerprints(r);
    std::vector<Diagnostic> fresh;
    for (std::size_t i = 0; i < r.diagnostics.size(); ++i) {
      const auto it = unmatched.find(key(r.path, r.diagnostics[i].rule, prints[i]));
      if (it != unmatched.end() && it->second > 0) --it->second;
      else fresh.push_back(std::move(r.diagnostics[i]));
    }
    r.diagnostics = std::move(fresh);
  }
}

}  // namespace copydesk
