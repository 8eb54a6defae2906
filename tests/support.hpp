// Helpers for check tests: run chosen rules on a text, and annotated fixtures.
#pragma once
#include <set>
#include <string>
#include <vector>

#include "copydesk/diagnostic.hpp"
#include "source/source.hpp"

namespace copydesk {
class Engine;
}

namespace copydesk::test {

// The shipped rules loaded once, without the tagger and language model.
const Engine& shipped();

// Runs only the named rules (shipped defaults) over text and returns their diagnostics.
std::vector<Diagnostic> run_rules(const std::string& text, const std::set<std::string>& rules,
                                  Format format = Format::Plain);

// The text a diagnostic covers.
std::string covered(const std::string& text, const Diagnostic& d);

// An annotated text marks each expected finding as [[flagged text]]{rule.id}.
// Returns a description of every expected finding that is missing and every finding of
// the rules under test that was not expected: empty when the check behaves.
std::vector<std::string> verify_annotated(const std::string& annotated, const std::set<std::string>& rules,
                                          Format format = Format::Plain);

// ../shared, when the tests run beside it, else empty.
std::string shared_dir();

// A word of lower-case letters only ("wa", "wb", ..., "wab"), a different one for each i.
std::string distinct_word(int i);

// The CPU time (user and system) the calling thread has used so far, in seconds: for
// bounds that catch a quadratic case, never for timing.
double thread_cpu_seconds();

}  // namespace copydesk::test

// In a Catch2 test: REQUIRE_ANNOTATED("He said [[teh]]{spelling.unknown-word}.", {"spelling.unknown-word"});
#define CHECK_ANNOTATED(text, ...)                                                   \
  do {                                                                               \
    const auto problems_ = ::copydesk::test::verify_annotated(text, __VA_ARGS__);    \
    INFO(text);                                                                      \
    for (const auto& p_ : problems_) UNSCOPED_INFO(p_);                              \
    CHECK(problems_.empty());                                                        \
  } while (false)
