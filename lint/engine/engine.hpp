// The engine: rules loaded and built into checks once, then any number of sources
// checked, from any number of threads.
#pragma once
#include <filesystem>
#include <future>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "engine/check.hpp"
#include "source/sections.hpp"
#include "source/source.hpp"

namespace copydesk {

class WordForms;

struct EngineOptions {
  Config config;                               // newsroom configuration
  std::string language = "en_US";              // used when config.language is unset
  std::filesystem::path data_dir;              // empty: find_data_dir()
  std::set<std::string> only;                  // if not empty, run only these rule ids
  bool tag = true;                             // load the part-of-speech and language models
  bool enable_all = false;                     // run rules that are off by default too (rule examples)
  bool report_unused_suppressions = false;     // report suppression comments that silenced nothing
  std::size_t findings_per_rule = 0;           // per file, then one summary finding (0: no cap)
  std::size_t related_per_finding = 0;         // 0: no cap
  std::filesystem::path names_file;            // an archive's counts of name spellings (check --names)
  std::size_t section_bytes = kSectionBytes;   // longer prose is checked in sections (0: whole)
  std::size_t max_nesting = ProseOptions{}.max_nesting;  // HTML deeper than this is not parsed
};

struct FileResult {
  std::string path;
  std::size_t words = 0;
  std::vector<Diagnostic> diagnostics;  // sorted by offset, then rule
};

class Engine {
 public:
  explicit Engine(EngineOptions options);  // throws ConfigError
  ~Engine();

  const std::vector<Rule>& rules() const { return rules_; }
  const LoadContext& context() const { return context_; }

  // How long each part of loading took, in the order done: (part, seconds). Hunspell is
  // opened by Workers' Spellers (when a word needs it, where compiled word forms answer the
  // rest; else one for each Worker that finds no Speller left by an earlier one, the first
  // on a thread of its own while the rest loads): its part is the sum over those so far.
  using Timings = std::vector<std::pair<std::string, double>>;
  Timings timings() const;

  // Per-thread resources (a Speller of its own while it lives, handed back to the engine
  // for the next Worker when it ends).
  class Worker {
   public:
    explicit Worker(const Engine& engine);
    ~Worker();
    FileResult check(const Source& source) const;
    // One rule alone, built afresh from `rule` (an example's own options), on a source.
    std::vector<Diagnostic> check_with(const Source& source, const Rule& rule) const;
    const Resources& resources() const { return resources_; }

   private:
    const Engine& engine_;
    std::unique_ptr<Speller> speller_;
    Resources resources_;
  };

 private:
  friend class Worker;
  std::unique_ptr<Speller> open_speller() const;
  // A Speller left by an ended Worker, else the first one, else a new one.
  std::unique_ptr<Speller> take_speller() const;
  void give_back(std::unique_ptr<Speller> speller) const noexcept;
  std::vector<Rule> rules_;
  std::vector<std::unique_ptr<Check>> checks_;  // parallel to the enabled rules
  std::vector<const Rule*> active_;
  std::size_t findings_per_rule_, related_per_finding_, section_bytes_;
  LoadContext context_;
  std::pair<std::string, std::string> system_dic_;
  std::shared_ptr<const WordForms> forms_;  // null when none was compiled from these dictionaries
  std::unique_ptr<Tagger> tagger_;
  std::unique_ptr<LanguageModel> lm_;
  ProseOptions prose_;
  bool report_unused_suppressions_ = false;
  Timings timings_;
  mutable std::mutex hunspell_lock_;
  mutable double hunspell_seconds_ = 0;
  mutable unsigned hunspell_count_ = 0;
  // Spellers of ended Workers, under hunspell_lock_: as many as Workers were ever at work
  // at once (the jobs of the largest check), kept for the engine's life.
  mutable std::vector<std::unique_ptr<Speller>> idle_spellers_;
  // Opening Hunspell takes as long as reading the language model: the first Worker's
  // Speller is opened beside the loading of the rest, and taken by that Worker. Last
  // member, so that a constructor that throws waits for it before the members it reads go.
  mutable std::future<std::unique_ptr<Speller>> first_speller_;
};

// Where the shipped rules/, dictionaries/ and models/ are: $COPYDESK_DATA_DIR, else
// share/copydesk beside the installed library, else the install prefix, else the source tree.
std::filesystem::path find_data_dir();

}  // namespace copydesk
