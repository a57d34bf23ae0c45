// Violates SCN-01: Ctrl+C's SIGINT is held until the loop's sleep ends, so its handler's line
// comes a second late.
#include <unistd.h>

#include <csignal>

#include "procsync.hpp"

namespace {
volatile std::sig_atomic_t g_clock_rang = 0;

// As in the tutorial: one handler, telling the signals apart by their number.
void handler(int sig) {
  if (sig == SIGALRM) {
    g_clock_rang = 1;
    ps::say_safe("receive clock signal");
  } else if (sig == SIGINT) {
    ps::say_safe("it doesn't end a little bit ~");
  }
}

constexpr unsigned kAlarmSeconds = 5;
constexpr double kPeriod = 2.0;
}  // namespace

int main() {
  alarm(kAlarmSeconds);
  ps::install(SIGALRM, handler);
  ps::install(SIGINT, handler);
  while (!g_clock_rang) {
    ps::say("waiting for a signal");
    // Like Python's time.sleep, this sleep resumes after a handler has run.
    ps::BlockedSignals held{SIGINT};  // the deviation
    ps::sleep_for(kPeriod);
  }
  ps::say("the clock signal came: leaving the loop");
  return 0;
}
