// EVT-02: wait() blocks until another process sets the event, then returns true. The
// parent proves the waiter is asleep inside wait() before it holds it there for 1 s.
#include "event.hpp"
#include "procsync.hpp"

namespace {
constexpr double kHoldSeconds = 1.0;  // how long the parent keeps the waiter blocked
}

int main() {
  ps::Shared<ps::SharedEvent> event;

  ps::Child waiter([&] {
    ps::say("waiter: waiting, is_set ", event->is_set());
    const bool woke = event->wait();
    ps::say("waiter: wait returned ", woke, ", is_set ", event->is_set());
    return 0;
  });

  // Inside wait() (the waiter count) and asleep there (the process state).
  ps::check(event->await_waiters(1), "waiter never entered wait");
  ps::check(ps::wait_for_state(waiter.pid(), "S"), "waiter never blocked");
  ps::say("parent: waiter is blocked in wait");
  ps::sleep_for(kHoldSeconds);
  ps::say("parent: setting the event");
  event->set();
  ps::say("parent: waiter ", waiter.wait().describe());
  return 0;
}
