// Violates SIG-23: the handler does not get the delivered signal's number (it always sees
// the one it was first installed for), so it cannot tell SIGINT from SIGALRM.
#include <unistd.h>

#include <csignal>

#include "procsync.hpp"

namespace {
void on_signal(int) {
  ps::say_safe("handler: sig is SIGALRM: receive clock signal");
}
}  // namespace

int main() {
  ps::install(SIGALRM, on_signal);
  ps::install(SIGINT, on_signal);
  ps::say("SIGALRM and SIGINT share one handler: yes");
  for (const int sig : {SIGINT, SIGALRM, SIGINT}) {
    ps::say("sending ", ps::signal_name(sig));
    ps::check(kill(getpid(), sig) == 0, "kill");
  }
  return 0;
}
