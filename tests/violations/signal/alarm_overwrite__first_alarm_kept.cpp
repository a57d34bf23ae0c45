// Violates SIG-16: the "second alarm" is a separate timer, so the first one still fires.
#include <atomic>
#include <csignal>
#include <ctime>

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
  sigevent ev{};
  ev.sigev_notify = SIGEV_SIGNAL;
  ev.sigev_signo = SIGALRM;
  timer_t timer;
  ps::check(timer_create(CLOCK_MONOTONIC, &ev, &timer) == 0, "timer_create");
  itimerspec one{};
  one.it_value.tv_sec = 1;
  ps::check(timer_settime(timer, 0, &one, nullptr) == 0, "timer_settime");
  ps::say("second alarm returned ", 3);
  ps::sleep_for(3.5);
  ps::say("SIGALRM delivered ", g_alarms.load(), " time(s)");
  return 0;
}
