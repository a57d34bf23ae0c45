// Violates SCN-01: the handler does not get the signal's number (it sees SIGALRM's for every
// signal), so Ctrl+C takes the clock signal's branch.
#include <unistd.h>

#include <csignal>

#include "procsync.hpp"

namespace {
volatile std::sig_atomic_t g_clock_rang = 0;

// As in the tutorial: one handler, telling the signals apart by their number.
void handler(int) {
  const int sig = SIGALRM;  // the deviation
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
    ps::sleep_for(kPeriod);
  }
  ps::say("the clock signal came: leaving the loop");
  return 0;
}
