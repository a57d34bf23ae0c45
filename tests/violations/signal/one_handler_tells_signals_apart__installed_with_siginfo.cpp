// Violates SIG-23: the handler is recorded with SA_SIGINFO although it was installed
// without (sigaction() reads back another kind of handler).
#include <unistd.h>

#include <csignal>

#include "procsync.hpp"

namespace {
void on_signal(int sig) {
  if (sig == SIGALRM)
    ps::say_safe("handler: sig is SIGALRM: receive clock signal");
  else if (sig == SIGINT)
    ps::say_safe("handler: sig is SIGINT: it doesn't end");
  else
    ps::say_safe("handler: unexpected ", ps::signal_name(sig));
}

bool installed_handler_is(int sig, ps::Handler handler) {
  struct sigaction current {};
  ps::check(sigaction(sig, nullptr, &current) == 0, "sigaction query");
  return (current.sa_flags & SA_SIGINFO) == 0 && current.sa_handler == handler;
}
}  // namespace

int main() {
  ps::install(SIGALRM, on_signal);
  ps::install(SIGINT, on_signal, SA_SIGINFO);  // the deviation
  ps::say("SIGALRM and SIGINT share one handler: ",
          installed_handler_is(SIGALRM, on_signal) && installed_handler_is(SIGINT, on_signal)
              ? "yes"
              : "no");
  // A signal sent to oneself, unblocked, is handled before kill() returns.
  for (const int sig : {SIGINT, SIGALRM, SIGINT}) {
    ps::say("sending ", ps::signal_name(sig));
    ps::check(kill(getpid(), sig) == 0, "kill");
  }
  return 0;
}
