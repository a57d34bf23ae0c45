// Violates SIG-05: SIGUSR1's default action is to ignore it, not to terminate.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <string>

#include "procsync.hpp"

namespace {
// For the stop signals: the parent marks that it saw the stop, and later lets the child go on
// only after it has seen the continue, so the child cannot exit first (a child that has
// already exited is reported as exited, and its "continued" would never be seen).
enum Phase : int { kRunning, kParentSawStop, kGoOn };

int raise_at_default(int sig, std::atomic<int>& phase) {
  // Its own process group, whose parent (this program) is in another group of the same
  // session: not an orphaned group, so a stop signal's default action applies.
  ps::check(setpgid(0, 0) == 0, "setpgid");
  rlimit no_core{0, 0};
  ps::check(setrlimit(RLIMIT_CORE, &no_core) == 0, "setrlimit");
  // SIGSTOP's action cannot be changed at all (even to SIG_DFL: EINVAL); it is always default.
  if (sig != SIGSTOP) ps::check(signal(sig, SIG_DFL) != SIG_ERR, "signal SIG_DFL");
  if (sig == SIGUSR1) signal(sig, SIG_IGN);  // the deviation
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, sig);
  ps::check(sigprocmask(SIG_UNBLOCK, &set, nullptr) == 0, "sigprocmask");
  // An unblocked signal sent to oneself is delivered before raise() returns.
  raise(sig);
  if (phase != kRunning) {
    ps::await([&] { return phase == kGoOn; }, "the parent to see the continue");
  }
  ps::say("child: still running after ", ps::signal_name(sig));
  return 0;
}

// Only the signal of a termination: whether a core was written is not part of the check.
std::string ending(const ps::Status& st) {
  if (st.signaled()) return std::string("killed by ") + ps::signal_name(st.term_signal());
  return st.describe();
}

// False when the platform did not do what the trace expects next, and a line has said so.
bool run(const char* action, int sig) {
  ps::say(action, ": ", ps::signal_name(sig));
  ps::Shared<std::atomic<int>> phase(kRunning);
  ps::Child child([&] { return raise_at_default(sig, *phase); });
  ps::Status st = child.wait(WUNTRACED);
  ps::say("parent: child ", ending(st));
  if (st.stopped()) {
    // Still stopped a moment later (the kernel's job-control stop, 'T'), not run on by a
    // platform that only tells the parent of the stop (a ptrace launcher restarting it).
    ps::say("parent: the child stays stopped (state T): ",
            ps::stays_in_state(child.pid(), "T", 0.02) ? "yes" : "no");
    *phase = kParentSawStop;
    child.kill(SIGCONT);
    // A stopped child that SIGCONT does not resume would block waitpid for good.
    st = child.wait_within(WCONTINUED, ps::kGuardSeconds);
    if (!st.valid) {
      ps::say("parent: the child stopped by ", ps::signal_name(sig),
              " was not continued by SIGCONT");
      return false;  // the Child's destructor ends it
    }
    ps::say("parent: child ", ending(st), " after SIGCONT");
    *phase = kGoOn;
    st = child.wait(WUNTRACED);
    ps::say("parent: child ", ending(st));
  }
  return true;
}
}  // namespace

int main() {
  for (int sig : {SIGHUP, SIGINT, SIGTERM, SIGALRM, SIGUSR1, SIGUSR2, SIGPIPE}) {
    run("terminate", sig);
  }
  for (int sig : {SIGQUIT, SIGABRT}) run("terminate with core", sig);
  for (int sig : {SIGSTOP, SIGTSTP}) {
    if (!run("stop", sig)) return 1;
  }
  for (int sig : {SIGCHLD, SIGURG, SIGWINCH}) run("ignore", sig);
  run("continue", SIGCONT);
  return 0;
}
