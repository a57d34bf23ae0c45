// EVT-03: wait_for() with a timeout on an event nobody sets returns false after the timeout,
// never before. The program also measures the time itself (CLOCK_MONOTONIC), because the
// harness can only see lines late, not a wait that started late and ended a little early.
#include "event.hpp"
#include "procsync.hpp"

namespace {
constexpr double kTimeoutSeconds = 0.5;
}

int main() {
  ps::Shared<ps::SharedEvent> event;
  ps::say("waiting up to 0.5 s on a clear event");
  const double start = ps::monotonic_seconds();
  const bool woke = event->wait_for(kTimeoutSeconds);
  const double waited = ps::monotonic_seconds() - start;
  ps::say("wait_for returned ", woke, ", ", waited >= kTimeoutSeconds ? "not before" : "before",
          " the timeout");
  ps::say("is_set ", event->is_set());
  return 0;
}
