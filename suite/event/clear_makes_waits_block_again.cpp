// EVT-07: clear() makes later waits block again. After set then clear, a timed wait in
// another process runs out its timeout and returns false, and a plain wait stays blocked
// until the event is set once more.
#include <atomic>

#include "event.hpp"
#include "procsync.hpp"

namespace {
struct Box {
  ps::SharedEvent event;
  std::atomic<bool> timed_wait_done{false};
};
constexpr double kTimeoutSeconds = 0.3;  // the timed wait after clear
constexpr double kHoldSeconds = 0.5;     // the plain wait stays blocked this long
}  // namespace

int main() {
  ps::Shared<Box> box;
  ps::SharedEvent& event = box->event;
  event.set();
  ps::say("parent: set, is_set ", event.is_set());
  event.clear();
  ps::say("parent: cleared, is_set ", event.is_set());

  ps::Child waiter([&] {
    // Measured here too: the harness sees a line only late, never a wait that started late
    // and ended early.
    const double start = ps::monotonic_seconds();
    const bool woke = event.wait_for(kTimeoutSeconds);
    const bool whole = ps::monotonic_seconds() - start >= kTimeoutSeconds;
    ps::say("waiter: wait_for(0.3) returned ", woke, ", ", whole ? "not before" : "before",
            " the timeout");
    box->timed_wait_done = true;
    ps::say("waiter: wait returned ", event.wait());
    return 0;
  });

  // The second wait: the timed one has ended and the waiter is inside wait() and asleep.
  ps::await([&] { return box->timed_wait_done.load(); }, "the waiter's timed wait to end");
  ps::check(event.await_waiters(1), "waiter never entered wait");
  ps::check(ps::wait_for_state(waiter.pid(), "S"), "waiter never blocked");
  ps::say("parent: waiter is blocked in wait");
  ps::sleep_for(kHoldSeconds);
  ps::say("parent: setting the event again");
  event.set();
  ps::say("parent: waiter ", waiter.wait().describe());
  return 0;
}
