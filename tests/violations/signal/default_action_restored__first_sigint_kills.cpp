// Violates SIG-22: the installed handler is not used: the first SIGINT already ends the
// process.
#include <unistd.h>

#include <csignal>

#include "procsync.hpp"

namespace {
volatile std::sig_atomic_t g_caught = 0;

[[maybe_unused]] void on_int(int sig) {
  g_caught = 1;
  ps::say_safe("caught ", ps::signal_name(sig));
}
}  // namespace

int main() {
  ps::install(SIGINT, SIG_DFL);  // the deviation
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
