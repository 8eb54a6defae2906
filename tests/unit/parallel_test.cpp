// The streaming pool: inputs handed on in input order, with no more than its window read
// and not yet handed on, whatever order the threads finish them in.
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "api/parallel.hpp"
#include "e2e/run.hpp"
#include "engine/engine.hpp"
#include "spell/speller.hpp"
#include "support.hpp"

using namespace copydesk;

TEST_CASE("the streaming pool hands inputs on in order, with a bounded window in flight", "[parallel]") {
  constexpr std::size_t count = 200, window = 6;
  std::size_t read = 0, in_flight_most = 0;
  std::vector<std::size_t> emitted;
  std::atomic<std::size_t> worked{0};
  run_streaming(
      test::shipped(), 3, window,
      [&](std::size_t i) {
        REQUIRE(i == read);
        if (read == count) return false;
        ++read;
        in_flight_most = std::max(in_flight_most, read - emitted.size());
        return true;
      },
      [&](const Engine::Worker&, std::size_t i) {
        // Early inputs take longest, so later ones finish first and must wait.
        if (i % window == 0) std::this_thread::yield();
        ++worked;
      },
      [&](std::size_t i) { emitted.push_back(i); });  // one call at a time, as read
  CHECK(worked == count);
  REQUIRE(emitted.size() == count);
  for (std::size_t i = 0; i < count; ++i) CHECK(emitted[i] == i);
  CHECK(in_flight_most <= window);
}

TEST_CASE("the streaming pool stops at the first failure and raises it", "[parallel]") {
  std::size_t emitted = 0;
  CHECK_THROWS_WITH(run_streaming(
                        test::shipped(), 2, 4, [](std::size_t i) { return i < 1000; },
                        [](const Engine::Worker&, std::size_t i) {
                          if (i == 10) throw std::runtime_error("input 10 is broken");
                        },
                        [&](std::size_t) { ++emitted; }),
                    "input 10 is broken");
  CHECK(emitted <= 10);  // nothing after the broken input was handed on
}

namespace {

std::string hunspell_opened(const Engine& engine) {
  for (const auto& [part, seconds] : engine.timings())
    if (part.rfind("Hunspell", 0) == 0) return part;
  return "none";
}

}  // namespace

TEST_CASE("with compiled word forms, a Speller opens Hunspell only for a word they cannot decide", "[parallel]") {
  EngineOptions options;
  options.tag = false;
  const Engine engine(options);
  const Engine::Worker worker(engine);
  const Speller& speller = *worker.resources().speller;
  CHECK(speller.known("house"));
  CHECK(speller.known("House"));
  CHECK_FALSE(speller.known("hosue"));
  CHECK(hunspell_opened(engine) == "none");
  CHECK(speller.known("21st"));  // a digit: the small digit dictionary
  CHECK_FALSE(speller.known("21th"));
  CHECK(hunspell_opened(engine) == "Hunspell (1 opened)");
  CHECK_FALSE(speller.hunspell_opened());
  CHECK_FALSE(speller.known("Ελλάδα"));  // Greek letters: the whole dictionary
  CHECK(speller.hunspell_opened());
  CHECK(hunspell_opened(engine) == "Hunspell (2 opened)");
}

TEST_CASE("an engine opens Hunspell once per worker at work at once, and reuses what ended workers leave", "[parallel]") {
  EngineOptions options;
  options.tag = false;
  const Engine engine(options);
  {
    const Engine::Worker first(engine);
    CHECK(first.resources().speller->known("mother-in-law"));
    CHECK(hunspell_opened(engine) == "Hunspell (1 opened)");
    const Engine::Worker second(engine);  // the first one's is taken: a second is opened
    CHECK(second.resources().speller->known("mother-in-law"));
    CHECK(hunspell_opened(engine) == "Hunspell (2 opened)");
  }
  // Workers that come later take the Spellers the ended ones left.
  const Engine::Worker third(engine), fourth(engine);
  CHECK(fourth.resources().speller->known("mother-in-law"));
  CHECK(third.resources().speller->known("mother-in-law"));
  CHECK(hunspell_opened(engine) == "Hunspell (2 opened)");
}

TEST_CASE("with a newsroom's own word list, an engine still answers from the compiled forms", "[parallel]") {
  const e2e::Scratch s;
  e2e::write(s.dir / "ours.txt", "Zyxwv\n");
  EngineOptions options;
  options.tag = false;
  options.config.dictionaries = {s.dir / "ours.txt"};
  const Engine engine(options);
  const Engine::Worker worker(engine);
  const Speller& speller = *worker.resources().speller;
  CHECK(speller.known("Zyxwv"));
  CHECK(speller.known("ZYXWV"));
  CHECK(speller.known("house"));
  CHECK_FALSE(speller.known("zyxwv"));
  // The list is read by the small Hunspell beside the forms, not by the whole one.
  CHECK(hunspell_opened(engine) == "Hunspell (1 opened)");
  CHECK_FALSE(speller.hunspell_opened());
}

TEST_CASE("without word forms for its dictionaries, an engine opens Hunspell beside its own loading", "[parallel]") {
  // A data folder whose shipped lists are not those the forms were compiled from.
  const e2e::Scratch s;
  const std::filesystem::path source = COPYDESK_SOURCE_DIR;
  std::filesystem::copy(source / "rules", s.dir / "rules", std::filesystem::copy_options::recursive);
  std::filesystem::copy(source / "dictionaries", s.dir / "dictionaries", std::filesystem::copy_options::recursive);
  e2e::write(s.dir / "dictionaries" / "ours.dic", "1\nZyxwv\n");
  EngineOptions options;
  options.tag = false;
  options.data_dir = s.dir;
  const Engine engine(options);
  {
    const Engine::Worker first(engine);
    CHECK(first.resources().speller->hunspell_opened());
    CHECK(first.resources().speller->known("Zyxwv"));
    CHECK(first.resources().speller->known("house"));
    CHECK(hunspell_opened(engine) == "Hunspell (1 opened)");
  }
  // An engine that never checks still lets its Hunspell finish opening before it goes.
  const Engine idle(options);
  CHECK(idle.rules().size() == engine.rules().size());
}
