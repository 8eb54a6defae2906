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

}  // namespace copydesk
