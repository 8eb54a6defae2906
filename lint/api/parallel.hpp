// The thread pool that checks many inputs at once.
#pragma once
#include <cstddef>
#include <functional>

#include "engine/engine.hpp"

namespace copydesk {

// Calls work(worker, i) for every i below count on `jobs` threads (at most one per
// input), each with a Worker of its own, as Hunspell is not thread-safe. The first
// exception thrown stops the others and is raised again here.
void run_parallel(const Engine& engine, std::size_t count, unsigned jobs,
                  const std::function<void(const Engine::Worker&, std::size_t)>& work);

// The same pool over a stream of unknown length, in bounded memory: read(i) takes input
// i (false: there is none, the stream ended), work(worker, i) checks it, emit(i) hands
// it on. read and emit are called one at a time, in input order; at most `window`
// inputs are read and not yet emitted, so a caller keeps them in a ring of `window`
// slots (slot i % window). Exceptions as in run_parallel.
void run_streaming(const Engine& engine, unsigned jobs, std::size_t window,
                   const std::function<bool(std::size_t)>& read,
                   const std::function<void(const Engine::Worker&, std::size_t)>& work,
                   const std::function<void(std::size_t)>& emit);

}  // namespace copydesk
