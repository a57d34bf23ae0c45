// EVT-06: waiting on an event that is already set returns at once, both without and with a
// timeout, in another process than the one that set it.
#include "event.hpp"
#include "procsync.hpp"

namespace {
constexpr double kTimeoutSeconds = 2.0;  // never reached: the event is already set
}

int main() {
  ps::Shared<ps::SharedEvent> event;
  event->set();
  ps::say("parent: event set, is_set ", event->is_set());

  ps::Child waiter([&] {
    ps::say("waiter: wait returned ", event->wait());
    ps::say("waiter: wait_for(2) returned ", event->wait_for(kTimeoutSeconds));
    ps::say("waiter: is_set ", event->is_set());
    return 0;
  });
  ps::say("parent: waiter ", waiter.wait().describe());
  return 0;
}
