// Violates SIG-16: the second alarm() returns the seconds left on the first truncated (2),
// not rounded (3), as a setitimer()-based alarm that drops the microseconds would.
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
  itimerval it{};
  getitimer(ITIMER_REAL, &it);
  alarm(1);
  const auto left = static_cast<unsigned>(it.it_value.tv_sec);  // the deviation
  ps::say("second alarm returned ", left);
  // Sleep past the moment the first alarm would have fired (3 s).
  ps::sleep_for(3.5);
  ps::say("SIGALRM delivered ", g_alarms.load(), " time(s)");
  return 0;
}
