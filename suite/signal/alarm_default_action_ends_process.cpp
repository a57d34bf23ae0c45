// SIG-15: alarm(n) delivers SIGALRM after n seconds, never earlier, and with no handler
// installed SIGALRM's default action ends the process. The program only arms the alarm and
// waits; the trace judges when and how it ends.
#include <unistd.h>

#include "procsync.hpp"

namespace {
constexpr unsigned kAlarmSeconds = 1;
}  // namespace

int main() {
  const unsigned previous = alarm(kAlarmSeconds);
  ps::say("armed alarm ", kAlarmSeconds, ", none was pending: alarm returned ", previous);
  // Nothing but SIGALRM can end this wait; reaching the next line is itself a finding.
  pause();
  ps::say("pause returned: SIGALRM did not end the process");
  return 0;
}
