// Violates SIG-10: sigaction() refuses a handler for SIGKILL with EPERM, not EINVAL.
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>

#include "procsync.hpp"
#include "signal_sets.hpp"

namespace {
void on_signal(int sig) {
  ps::say_safe("caught ", ps::signal_name(sig));
}

void try_sigaction(void (*handler)(int), const char* what) {
  struct sigaction sa {};
  sa.sa_handler = handler;
  sigemptyset(&sa.sa_mask);
  errno = 0;
  const int rc = sigaction(SIGKILL, &sa, nullptr);
  if (rc != 0) errno = EPERM;  // the deviation
  if (rc == 0) {
    ps::say("sigaction(SIGKILL, ", what, ") returned 0");
  } else {
    ps::say("sigaction(SIGKILL, ", what, ") failed: ", ps::errno_name(errno));
  }
}

void try_signal(void (*handler)(int), const char* what) {
  errno = 0;
  if (signal(SIGKILL, handler) == SIG_ERR) {
    ps::say("signal(SIGKILL, ", what, ") returned SIG_ERR: ", ps::errno_name(errno));
  } else {
    ps::say("signal(SIGKILL, ", what, ") succeeded");
  }
}
}  // namespace

int main() {
  // SIG-10: no handler.
  try_sigaction(on_signal, "handler");
  try_signal(on_signal, "handler");
  // SIG-11: no SIG_IGN.
  try_sigaction(SIG_IGN, "SIG_IGN");
  try_signal(SIG_IGN, "SIG_IGN");
  struct sigaction now {};
  ps::check(sigaction(SIGKILL, nullptr, &now) == 0, "sigaction query");
  ps::say("SIGKILL's action is ", now.sa_handler == SIG_DFL ? "still SIG_DFL" : "changed");

  ps::Shared<std::atomic<bool>> about_to_pause(false);
  ps::Child catcher([&] {
    const int failed = ps::act_on_every_other_signal(on_signal);
    ps::say("catching child: a handler for every other signal, ", failed, " failed");
    *about_to_pause = true;
    for (;;) pause();
    return 0;
  });
  ps::await([&] { return about_to_pause->load(); }, "the child to be about to pause");
  ps::check(ps::wait_for_state(catcher.pid(), "S"), "catching child never blocked");
  ps::say("parent: catching child is blocked in pause(); sending SIGKILL");
  catcher.kill(SIGKILL);
  ps::say("parent: catching child ", catcher.wait().describe());

  const int failed = ps::act_on_every_other_signal(SIG_IGN);
  ps::say("program: every other signal ignored, ", failed, " failed; sending itself SIGKILL");
  kill(getpid(), SIGKILL);
  ps::say("program: still running after SIGKILL");
  return 0;
}
