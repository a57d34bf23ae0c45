// Violates SIG-22: "restoring" the default leaves the handler in place, so the second SIGINT
// is caught too and the process exits normally.
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
  ps::BlockedSignals blocked{SIGINT};
  ps::say("handler installed for SIGINT; waiting for it");
  while (!g_caught) sigsuspend(&blocked.previous());
  ps::say("SIGINT set back to SIG_DFL; waiting for it");
  g_caught = 0;
  while (!g_caught) sigsuspend(&blocked.previous());
  ps::say("pause returned: the second SIGINT was caught, not the default action");
  return 0;
}
