// Messages read from the client on their own thread, so the server can wait for the
// next message and for the next debounced check at once.
#pragma once
#include <chrono>
#include <condition_variable>
#include <deque>
#include <istream>
#include <mutex>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace copydesk::lsp {

using Clock = std::chrono::steady_clock;

struct Incoming {
  nlohmann::json message;
  std::string malformed;  // not empty: what was wrong with a frame or its JSON
};

class Inbox {
 public:
  // Reads frames until the end of the input or the exit notification, whichever is
  // first, so the thread running it always ends and can be joined.
  void read_from(std::istream& in);
  // The next message; none when `until` passes first or the input is used up.
  std::optional<Incoming> pop(std::optional<Clock::time_point> until);
  bool drained() const;

 private:
  void push(Incoming incoming);
  mutable std::mutex lock_;
  std::condition_variable ready_;
  std::deque<Incoming> queue_;
  bool ended_ = false;
};

}  // namespace copydesk::lsp
