// SIG-22: SIG_DFL restores a signal's default action after a handler was installed. The
// first SIGINT from outside (as Ctrl+C would send it) is caught; after SIG_DFL the second
// one ends the process, whose end status the trace checks.
#include <unistd.h>

#include <csignal>

#include "procsync.hpp"

namespace {
volatile std::sig_atomic_t g_caught = 0;

void on_int(int sig) {
  g_caught = 1;
  ps::say_safe("caught ", ps::signal_name(sig));
}
}  // namespace

int main() {
  ps::install(SIGINT, on_int);
  // SIGINT stays blocked until sigsuspend(), so one that comes early waits for it instead of
  // being handled before the wait starts.
  ps::BlockedSignals blocked{SIGINT};
  ps::say("handler installed for SIGINT; waiting for it");
  while (!g_caught) sigsuspend(&blocked.previous());

  ps::install(SIGINT, SIG_DFL);
  ps::say("SIGINT set back to SIG_DFL; waiting for it");
  blocked.restore();
  g_caught = 0;
  while (!g_caught) pause();
  ps::say("pause returned: the second SIGINT was caught, not the default action");
  return 0;
}
