// SIG-15: alarm(n) delivers SIGALRM after n seconds, never earlier, and with no handler
// installed SIGALRM's default action ends the process. The program only arms the alarm and
// waits; the trace judges when and how it ends.
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <thread>

#include "procsync.hpp"

namespace {
constexpr unsigned kAlarmSeconds = 1;
// How long after the start (scaled) a process SIGALRM has not ended gives up waiting: the
// alarm's second and a generous slack, below the trace's %timeout 4.
constexpr double kGiveUpSeconds = 3.0;
}  // namespace

int main() {
  // A platform whose SIGALRM does nothing by default would leave pause() blocked for good: a
  // watchdog thread (with every signal blocked, so SIGALRM goes to the pausing thread) says
  // so and ends the process instead.
  std::thread([] {
    sigset_t all;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, nullptr);
    ps::sleep_for(ps::scaled_timeout(kGiveUpSeconds));
    ps::say("SIGALRM has not ended the process after ", ps::scaled_timeout(kGiveUpSeconds), " s");
    std::_Exit(1);
  }).detach();
  const unsigned previous = alarm(kAlarmSeconds);
  ps::say("armed alarm ", kAlarmSeconds, ", none was pending: alarm returned ", previous);
  // Nothing but SIGALRM can end this wait; reaching the next line is itself a finding.
  pause();
  ps::say("pause returned: SIGALRM did not end the process");
  return 0;
}
