// Violates SIG-21: SIG_IGN holds the signal instead of discarding it (as if it were blocked):
// the process goes on, but the signal is left pending.
#include <sys/types.h>
#include <unistd.h>

#include <atomic>
#include <csignal>

#include "procsync.hpp"

namespace {
std::atomic<int> g_late{0};
void on_late(int) {
  ++g_late;
}

const char* pending_text(int sig) {
  sigset_t pending;
  sigemptyset(&pending);
  ps::check(sigpending(&pending) == 0, "sigpending");
  return sigismember(&pending, sig) ? "yes" : "no";
}
}  // namespace

int main() {
  // The deviation: "ignored" signals are held, pending, as blocked ones are.
  ps::BlockedSignals held{SIGINT, SIGTERM};
  ps::say("SIGINT and SIGTERM set to SIG_IGN");

  // A signal a process sends to itself, unblocked, is delivered before kill() returns.
  ps::check(kill(getpid(), SIGINT) == 0, "kill SIGINT");
  ps::say("kill(own pid, SIGINT) returned 0");
  ps::say("still running after SIGINT; SIGINT pending: ", pending_text(SIGINT));

  ps::Child sender([] {
    ps::check(kill(getppid(), SIGTERM) == 0, "kill SIGTERM");
    return 0;
  });
  ps::say("child that sent SIGTERM to the parent ", sender.wait().describe());
  ps::say("still running after SIGTERM; SIGTERM pending: ", pending_text(SIGTERM));
  // Not relying on sigpending() alone: a signal kept while ignored would reach a handler
  // installed now (a pending, unblocked signal is delivered on the way out of the kernel).
  ps::install(SIGINT, on_late);
  ps::install(SIGTERM, on_late);
  ps::sleep_for(0.01);
  ps::say("handlers installed afterwards for SIGINT and SIGTERM ran ", g_late.load(), " time(s)");
  return 0;
}
