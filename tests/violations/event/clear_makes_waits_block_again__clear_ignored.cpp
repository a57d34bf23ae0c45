// Violates EVT-07: clear() does nothing (the program still says the event is clear), so
// the later waits return at once.
#include <atomic>

#include "event.hpp"
#include "procsync.hpp"

namespace {
struct Box {
  ps::SharedEvent event;
  std::atomic<bool> timed_wait_done{false};
};
}  // namespace

int main() {
  ps::Shared<Box> box;
  ps::SharedEvent& event = box->event;
  event.set();
  ps::say("parent: set, is_set true");
  ps::say("parent: cleared, is_set false");  // wrong: never cleared
  ps::Child waiter([&] {
    ps::say("waiter: wait_for(0.3) returned false, not before the timeout");
    event.wait_for(0.3);
    box->timed_wait_done = true;
    ps::say("waiter: wait returned ", event.wait());
    return 0;
  });
  ps::await([&] { return box->timed_wait_done.load(); }, "the waiter's timed wait to end");
  ps::say("parent: waiter is blocked in wait");
  ps::sleep_for(0.5);
  ps::say("parent: setting the event again");
  event.set();
  ps::say("parent: waiter ", waiter.wait().describe());
  return 0;
}
