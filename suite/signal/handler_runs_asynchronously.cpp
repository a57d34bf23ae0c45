// SIG-24: handlers run asynchronously. The main flow prints a tick every half second and
// never looks for signals; the harness sends SIGUSR1 and SIGUSR2 between ticks, and each
// handler's line appears at the moment of delivery, between the ticks, while the ticks stay
// on their schedule.
#include <cerrno>
#include <csignal>
#include <ctime>

#include "procsync.hpp"

namespace {
void on_signal(int sig) {
  ps::say_safe("handler: caught ", ps::signal_name(sig));
}

constexpr double kPeriod = 0.5;
constexpr int kTicks = 5;

// Sleeps until `offset` seconds after `start` on CLOCK_MONOTONIC, resuming after handlers.
void sleep_until(const timespec& start, double offset) {
  const timespec when = ps::later(start, offset);
  int rc;
  while ((rc = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &when, nullptr)) == EINTR) {
  }
  if (rc != 0) {
    errno = rc;
    ps::fail("clock_nanosleep");
  }
}
}  // namespace

int main() {
  ps::install(SIGUSR1, on_signal);
  ps::install(SIGUSR2, on_signal);
  const timespec start = ps::clock_now(CLOCK_MONOTONIC);
  for (int i = 0; i < kTicks; ++i) {
    sleep_until(start, i * kPeriod);
    ps::say("main: tick ", i);
  }
  return 0;
}
