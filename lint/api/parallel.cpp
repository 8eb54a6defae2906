#include "api/parallel.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace copydesk {

void run_parallel(const Engine& engine, std::size_t count, unsigned jobs,
                  const std::function<void(const Engine::Worker&, std::size_t)>& work) {
  std::atomic<std::size_t> next{0};
  // An exception must not end a thread (that would abort the process): the first one is
  // kept, the other threads stop taking inputs, and it is raised again on this thread.
  std::exception_ptr failure;
  std::mutex failure_lock;
  auto take = [&] {
    try {
      const Engine::Worker worker(engine);
      for (std::size_t i; (i = next.fetch_add(1)) < count;) work(worker, i);
    } catch (...) {
      const std::lock_guard<std::mutex> hold(failure_lock);
      if (!failure) failure = std::current_exception();
      next = count;
    }
  };
  jobs = std::max(1u, std::min<unsigned>(jobs, static_cast<unsigned>(count)));
  std::vector<std::thread> threads;
  for (unsigned j = 1; j < jobs; ++j) threads.emplace_back(take);
  take();
  for (auto& t : threads) t.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace copydesk
