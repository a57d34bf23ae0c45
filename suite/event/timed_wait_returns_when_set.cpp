// EVT-04: wait_for() with a timeout returns true as soon as another process sets the event,
// long before the timeout. The parent proves the waiter is asleep inside wait_for() first.
#include "event.hpp"
#include "procsync.hpp"

namespace {
constexpr double kTimeoutSeconds = 3.0;  // far beyond the set, so a late return shows
constexpr double kHoldSeconds = 0.5;     // the waiter stays blocked this long
}  // namespace

int main() {
  ps::Shared<ps::SharedEvent> event;

  ps::Child waiter([&] {
    ps::say("waiter: waiting up to 3 s");
    const double start = ps::monotonic_seconds();
    const bool woke = event->wait_for(kTimeoutSeconds);
    const double waited = ps::monotonic_seconds() - start;
    ps::say("waiter: wait_for returned ", woke, ", ",
            waited < kTimeoutSeconds ? "before" : "not before", " the timeout");
    return 0;
  });

  ps::check(event->await_waiters(1), "waiter never entered wait_for");
  ps::check(ps::wait_for_state(waiter.pid(), "S"), "waiter never blocked");
  ps::say("parent: waiter is blocked in wait_for");
  ps::sleep_for(kHoldSeconds);
  ps::say("parent: setting the event");
  event->set();
  ps::say("parent: waiter ", waiter.wait().describe());
  return 0;
}
