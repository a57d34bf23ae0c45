// Violates SIG-16: the second alarm() reports the first one's seconds but does not replace
// it, so SIGALRM comes at 3 s.
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
  const unsigned left = 3;  // the deviation: alarm(1) not armed
  ps::say("second alarm returned ", left);
  // Sleep past the moment the first alarm would have fired (3 s).
  ps::sleep_for(3.5);
  ps::say("SIGALRM delivered ", g_alarms.load(), " time(s)");
  return 0;
}
