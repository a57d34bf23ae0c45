// Violates SIG-16: the new alarm fires half a second early (as one rounded to a coarse clock
// tick would).
#include <sys/time.h>

#include <atomic>
#include <csignal>

#include "procsync.hpp"

namespace {
std::atomic<int> g_alarms{0};  // lock-free, so safe to touch in a handler

void on_alarm(int sig) {
  ++g_alarms;
  ps::say_safe("caught ", ps::signal_name(sig));
}
}  // namespace

int main() {
  ps::install(SIGALRM, on_alarm);
  const unsigned none_pending = alarm(3);
  ps::say("armed alarm 3, none was pending: alarm returned ", none_pending);
  const unsigned left = alarm(1);
  const itimerval early{{0, 0}, {0, 500000}};  // the deviation
  setitimer(ITIMER_REAL, &early, nullptr);
  ps::say("second alarm returned ", left);
  // Sleep past the moment the first alarm would have fired (3 s).
  ps::sleep_for(3.5);
  ps::say("SIGALRM delivered ", g_alarms.load(), " time(s)");
  return 0;
}
