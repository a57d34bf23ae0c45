// Violates SIG-24: signals are handled synchronously, only when the main loop looks for them
// after its next tick, so the handler's line comes late and after that tick.
#include <csignal>

#include "procsync.hpp"

namespace {
void on_signal(int sig) {
  ps::say_safe("handler: caught ", ps::signal_name(sig));
}
}  // namespace

int main() {
  ps::install(SIGUSR1, on_signal);
  ps::install(SIGUSR2, on_signal);
  sigset_t both, old;
  sigemptyset(&both);
  sigaddset(&both, SIGUSR1);
  sigaddset(&both, SIGUSR2);
  ps::check(sigprocmask(SIG_BLOCK, &both, &old) == 0, "sigprocmask");
  const double start = ps::monotonic_seconds();
  for (int i = 0; i < 5; ++i) {
    const double left = start + i * 0.5 - ps::monotonic_seconds();
    if (left > 0) ps::sleep_for(left);
    ps::say("main: tick ", i);
    sigprocmask(SIG_SETMASK, &old, nullptr);  // pending signals are handled here, and only here
    sigprocmask(SIG_BLOCK, &both, nullptr);
  }
  return 0;
}
