// Violates EVT-03: the timed wait comes back 0.1 s before its timeout (a deadline computed on
// a coarse clock). The line still arrives inside the harness's window; only the program's own
// measure shows it. It also starts 0.15 s late, so that the early return lands inside the
// harness's window: a wait that started late and ended early, which only the program's own
// measure sees.
#include "event.hpp"
#include "procsync.hpp"

namespace {
constexpr double kTimeoutSeconds = 0.5;
}

int main() {
  ps::Shared<ps::SharedEvent> event;
  ps::say("waiting up to 0.5 s on a clear event");
  ps::sleep_for(0.15);  // the platform starts the wait late: the line stays in its window
  const double start = ps::monotonic_seconds();
  const bool woke = event->wait_for(kTimeoutSeconds - 0.1);
  const double waited = ps::monotonic_seconds() - start;
  ps::say("wait_for returned ", woke, ", ", waited >= kTimeoutSeconds ? "not before" : "before",
          " the timeout");
  ps::say("is_set ", event->is_set());
  return 0;
}
