// Violates SIG-17: a second alarm(0) still reports the seconds of the cancelled alarm.
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <csignal>

#include "procsync.hpp"

namespace {
std::atomic<int> g_alarms{0};  // lock-free, so safe to touch in a handler

void on_alarm(int sig) {
  ++g_alarms;
  ps::say_safe("caught ", ps::signal_name(sig));
}

constexpr unsigned kAlarmSeconds = 3;
constexpr double kBeforeCancel = 1.0;  // cancel with about 2 s left on the alarm
constexpr double kWatchUntil = 3.5;    // past the moment the alarm was due
}  // namespace

int main() {
  ps::install(SIGALRM, on_alarm);
  const double start = ps::monotonic_seconds();
  ps::say("armed alarm ", kAlarmSeconds, ", none was pending: alarm returned ",
          alarm(kAlarmSeconds));
  ps::sleep_for(kBeforeCancel);
  ps::say("alarm(0) returned ", alarm(0));
  // Nothing is pending any more, so a second cancel finds no time left.
  alarm(0);
  ps::say("alarm(0) again returned ", 2);  // the deviation
  ps::sleep_for(std::max(0.0, kWatchUntil - (ps::monotonic_seconds() - start)));
  ps::say("SIGALRM delivered ", g_alarms.load(), " time(s)");
  return 0;
}
