// Violates EVT-02: the waiter's "wait" gives up after 0.3 s and reports success anyway, so
// that only the trace's time window can catch it.
#include "event.hpp"
#include "procsync.hpp"

int main() {
  ps::Shared<ps::SharedEvent> event;
  ps::Child waiter([&] {
    ps::say("waiter: waiting, is_set ", event->is_set());
    event->wait_for(0.3);                                // wrong: does not wait for the set
    ps::say("waiter: wait returned true, is_set true");  // and claims success
    return 0;
  });
  ps::check(event->await_waiters(1), "waiter never entered wait");
  ps::check(ps::wait_for_state(waiter.pid(), "S"), "waiter never blocked");
  ps::say("parent: waiter is blocked in wait");
  ps::sleep_for(1.0);
  ps::say("parent: setting the event");
  event->set();
  ps::say("parent: waiter ", waiter.wait().describe());
  return 0;
}
