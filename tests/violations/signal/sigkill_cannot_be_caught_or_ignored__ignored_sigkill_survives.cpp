// Violates SIG-11: SIGKILL is ignored like any other signal, so the program that ignored
// everything survives it. (Shown with SIGTERM standing in for an ignorable SIGKILL.)
#include <unistd.h>

#include <csignal>

#include "procsync.hpp"
#include "signal_sets.hpp"

int main() {
  ps::say("sigaction(SIGKILL, handler) failed: EINVAL");
  ps::say("signal(SIGKILL, handler) returned SIG_ERR: EINVAL");
  ps::say("sigaction(SIGKILL, SIG_IGN) failed: EINVAL");
  ps::say("signal(SIGKILL, SIG_IGN) returned SIG_ERR: EINVAL");
  ps::say("SIGKILL's action is still SIG_DFL");
  ps::say("catching child: a handler for every other signal, 0 failed");
  ps::say("parent: catching child is blocked in pause(); sending SIGKILL");
  ps::say("parent: catching child killed by SIGKILL");
  const int failed = ps::act_on_every_other_signal(SIG_IGN);
  ps::say("program: every other signal ignored, ", failed, " failed; sending itself SIGKILL");
  kill(getpid(), SIGTERM);
  ps::say("program: still running after SIGKILL");
  return 0;
}
