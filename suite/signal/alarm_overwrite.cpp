// SIG-16: a second alarm() replaces the first. It returns the seconds that were left on the
// first (rounded to the nearest second), and only the new alarm fires.
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
  ps::say("second alarm returned ", left);
  // Sleep past the moment the first alarm would have fired (3 s).
  ps::sleep_for(3.5);
  ps::say("SIGALRM delivered ", g_alarms.load(), " time(s)");
  return 0;
}
