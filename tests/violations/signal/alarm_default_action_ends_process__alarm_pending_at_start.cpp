// Violates SIG-15: an alarm is already pending when the program starts (one left over from
// whatever ran before), so alarm() returns its seconds.
#include <unistd.h>

#include "procsync.hpp"

namespace {
constexpr unsigned kAlarmSeconds = 1;
}  // namespace

int main() {
  alarm(5);  // the deviation: left over
  const unsigned previous = alarm(kAlarmSeconds);
  ps::say("armed alarm ", kAlarmSeconds, ", none was pending: alarm returned ", previous);
  // Nothing but SIGALRM can end this wait; reaching the next line is itself a finding.
  pause();
  ps::say("pause returned: SIGALRM did not end the process");
  return 0;
}
