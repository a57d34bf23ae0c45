// Violates EVT-03: the timed wait ends 0.25 s before its timeout (what the real program
// would show on a platform whose timed condition waits come back early).
#include "event.hpp"
#include "procsync.hpp"

int main() {
  ps::Shared<ps::SharedEvent> event;
  ps::say("waiting up to 0.5 s on a clear event");
  const double start = ps::monotonic_seconds();
  const bool woke = event->wait_for(0.25);  // wrong: shorter than asked
  const double waited = ps::monotonic_seconds() - start;
  ps::say("wait_for returned ", woke, ", ", waited >= 0.5 ? "not before" : "before",
          " the timeout");
  ps::say("is_set ", event->is_set());
  return 0;
}
