// Violates SIG-12: sigprocmask() refuses a set holding SIGKILL with EINVAL instead of
// silently leaving it out, so nothing is blocked.
#include <unistd.h>

#include <csignal>

#include "procsync.hpp"
#include "signal_sets.hpp"

namespace {
void on_signal(int sig) {
  ps::say_safe("caught ", ps::signal_name(sig));
}

const char* yes_no(const sigset_t& set, int sig) {
  return sigismember(&set, sig) == 1 ? "yes" : "no";
}
}  // namespace

int main() {
  const int failed = ps::act_on_every_other_signal(on_signal);
  ps::say("a handler for every other signal, ", failed, " failed");

  sigset_t all;
  sigfillset(&all);
  ps::say("the full set holds SIGKILL: ", yes_no(all, SIGKILL));
  const int rc = -1;  // the deviation: the full set is refused
  errno = EINVAL;
  ps::say("sigprocmask(SIG_SETMASK, full set) returned ", rc);
  sigset_t mask;
  ps::check(sigprocmask(SIG_BLOCK, nullptr, &mask) == 0, "sigprocmask query");
  int unblocked = 0;
  for (int sig : ps::every_other_signal()) unblocked += sigismember(&mask, sig) == 1 ? 0 : 1;
  ps::say("mask: every other signal blocked, ", unblocked, " left out");
  ps::say("mask holds SIGKILL: ", yes_no(mask, SIGKILL));
  ps::say("mask holds SIGSTOP: ", yes_no(mask, SIGSTOP));

  kill(getpid(), SIGTERM);
  sigset_t pending;
  ps::check(sigpending(&pending) == 0, "sigpending");
  ps::say("sent itself SIGTERM: pending ", yes_no(pending, SIGTERM), ", handler not run");
  ps::say("sending itself SIGKILL");
  kill(getpid(), SIGKILL);
  ps::say("still running after SIGKILL");
  return 0;
}
