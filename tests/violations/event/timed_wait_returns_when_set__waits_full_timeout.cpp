// Violates EVT-04: the timed wait sleeps out its whole timeout and only then looks at the
// flag (and claims it returned early, so that only the time window can catch it).
#include "event.hpp"
#include "procsync.hpp"

int main() {
  ps::Shared<ps::SharedEvent> event;
  ps::Child waiter([&] {
    ps::say("waiter: waiting up to 3 s");
    ps::sleep_for(3.0);  // wrong: ignores the set
    ps::say("waiter: wait_for returned ", event->is_set(), ", before the timeout");
    return 0;
  });
  ps::check(ps::wait_for_state(waiter.pid(), "S"), "waiter never blocked");
  ps::say("parent: waiter is blocked in wait_for");
  ps::sleep_for(0.5);
  ps::say("parent: setting the event");
  event->set();
  ps::say("parent: waiter ", waiter.wait().describe());
  return 0;
}
