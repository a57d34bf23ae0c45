// Violates EVT-06: the timed wait on a set event blocks until its timeout before it looks
// at the flag.
#include "event.hpp"
#include "procsync.hpp"

int main() {
  ps::Shared<ps::SharedEvent> event;
  event->set();
  ps::say("parent: event set, is_set ", event->is_set());
  ps::Child waiter([&] {
    ps::say("waiter: wait returned ", event->wait());
    ps::sleep_for(2.0);  // wrong: waits although the event is set
    ps::say("waiter: wait_for(2) returned ", event->is_set());
    ps::say("waiter: is_set ", event->is_set());
    return 0;
  });
  ps::say("parent: waiter ", waiter.wait().describe());
  return 0;
}
