#include "api/parallel.hpp"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace copydesk {
namespace {

// Runs body(worker) on `jobs` threads, this one included, each with a Worker of its own.
// An exception must not end a thread (that would abort the process): the first one is
// kept, stop() tells the other threads to finish, and it is raised again on this thread.
void run_workers(const Engine& engine, unsigned jobs, const std::function<void(const Engine::Worker&)>& body,
                 const std::function<void()>& stop) {
  std::exception_ptr failure;
  std::mutex failure_lock;
  auto run = [&] {
    try {
      const Engine::Worker worker(engine);
      body(worker);
    } catch (...) {
      {
        const std::lock_guard<std::mutex> hold(failure_lock);
        if (!failure) failure = std::current_exception();
      }
      stop();
    }
  };
  std::vector<std::thread> threads;
  for (unsigned j = 1; j < std::max(1u, jobs); ++j) threads.emplace_back(run);
  run();
  for (auto& t : threads) t.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace

void run_parallel(const Engine& engine, std::size_t count, unsigned jobs,
                  const std::function<void(const Engine::Worker&, std::size_t)>& work) {
  std::atomic<std::size_t> next{0};
  run_workers(
      engine, std::min<unsigned>(jobs, static_cast<unsigned>(count)),
      [&](const Engine::Worker& worker) {
        for (std::size_t i; (i = next.fetch_add(1)) < count;) work(worker, i);
      },
      [&] { next = count; });
}

void run_streaming(const Engine& engine, unsigned jobs, std::size_t window,
                   const std::function<bool(std::size_t)>& read,
                   const std::function<void(const Engine::Worker&, std::size_t)>& work,
                   const std::function<void(std::size_t)>& emit) {
  window = std::max<std::size_t>(window, 1);
  std::mutex lock;
  std::condition_variable room;  // a slot was freed, or the run ends
  std::size_t next = 0, emitted = 0;
  bool finished = false;            // the stream ended, or a thread failed
  std::vector<char> done(window);   // by slot: checked, not yet emitted
  run_workers(
      engine, jobs,
      [&](const Engine::Worker& worker) {
        for (;;) {
          std::size_t i;
          {
            std::unique_lock<std::mutex> hold(lock);
            room.wait(hold, [&] { return finished || next < emitted + window; });
            if (finished) return;
            if (!read(next)) {
              finished = true;
              room.notify_all();
              return;
            }
            i = next++;
          }
          work(worker, i);
          {
            const std::lock_guard<std::mutex> hold(lock);
            done[i % window] = 1;
            // Whatever is ready from the oldest input on goes out now, in order.
            for (; emitted < next && done[emitted % window]; ++emitted) {
              done[emitted % window] = 0;
              emit(emitted);
            }
          }
          room.notify_all();
        }
      },
      [&] {
        const std::lock_guard<std::mutex> hold(lock);
        finished = true;
        room.notify_all();
      });
}

}  // namespace copydesk
