// Violates SIG-17: "cancelling" reports the time left but leaves the alarm running.
#include <unistd.h>

#include <atomic>
#include <csignal>

#include "procsync.hpp"

namespace {
std::atomic<int> g_alarms{0};
void on_alarm(int sig) {
  ++g_alarms;
  ps::say_safe("caught ", ps::signal_name(sig));
}
}  // namespace

int main() {
  ps::install(SIGALRM, on_alarm);
  ps::say("armed alarm 3, none was pending: alarm returned ", alarm(3));
  ps::sleep_for(1.0);
  const unsigned left = alarm(0);
  alarm(left);  // re-armed: the alarm is still due at 3 s
  ps::say("alarm(0) returned ", left);
  ps::say("alarm(0) again returned 0");
  ps::sleep_for(2.5);
  ps::say("SIGALRM delivered ", g_alarms.load(), " time(s)");
  return 0;
}
