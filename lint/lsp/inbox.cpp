#include "lsp/inbox.hpp"

#include "lsp/framing.hpp"

namespace copydesk::lsp {

void Inbox::read_from(std::istream& in) {
  for (;;) {
    Frame frame = read_frame(in);
    if (frame.kind == Frame::Kind::End) break;
    if (frame.kind == Frame::Kind::Malformed) {
      push({nullptr, frame.error});
      continue;
    }
    nlohmann::json message = nlohmann::json::parse(frame.body, nullptr, false);
    if (message.is_discarded()) {
      push({nullptr, "the message is not JSON"});
      continue;
    }
    const bool exit = message.is_object() && message.contains("method") && message["method"] == "exit";
    push({std::move(message), ""});
    if (exit) break;
  }
  const std::lock_guard<std::mutex> hold(lock_);
  ended_ = true;
  ready_.notify_all();
}

void Inbox::push(Incoming incoming) {
  const std::lock_guard<std::mutex> hold(lock_);
  queue_.push_back(std::move(incoming));
  ready_.notify_all();
}

std::optional<Incoming> Inbox::pop(std::optional<Clock::time_point> until) {
  std::unique_lock<std::mutex> hold(lock_);
  const auto has_news = [&] { return !queue_.empty() || ended_; };
  if (until) ready_.wait_until(hold, *until, has_news);
  else ready_.wait(hold, has_news);
  if (queue_.empty()) return std::nullopt;
  Incoming next = std::move(queue_.front());
  queue_.pop_front();
  return next;
}

bool Inbox::drained() const {
  const std::lock_guard<std::mutex> hold(lock_);
  return ended_ && queue_.empty();
}

}  // namespace copydesk::lsp
