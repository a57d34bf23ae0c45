// Violates SIG-15: SIGALRM at its default action interrupts pause() without ending the
// process.
#include <unistd.h>

#include "procsync.hpp"

namespace {
constexpr unsigned kAlarmSeconds = 1;
}  // namespace

int main() {
  signal(SIGALRM, [](int) {});  // the deviation
  const unsigned previous = alarm(kAlarmSeconds);
  ps::say("armed alarm ", kAlarmSeconds, ", none was pending: alarm returned ", previous);
  // Nothing but SIGALRM can end this wait; reaching the next line is itself a finding.
  pause();
  ps::say("pause returned: SIGALRM did not end the process");
  return 0;
}
