// Violates SIG-14 (its control): the stop is reported to the parent, but the child runs on
// at once, as under a ptrace launcher that restarts every stop it is told of.
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>

#include "procsync.hpp"

namespace {
void on_tstp(int sig) {
  ps::say_safe("child: caught ", ps::signal_name(sig));
}

// A group of its own whose parent (this program) is in another group of the same session:
// not orphaned, so SIGTSTP's default action is not discarded.
void own_group() {
  ps::check(setpgid(0, 0) == 0, "setpgid");
}
}  // namespace

int main() {
  {
    ps::Child child([] {
      own_group();
      raise(SIGTSTP);
      ps::say("child: still running with SIGTSTP at its default action");
      return 0;
    });
    ps::say("parent: with SIGTSTP at its default action, child ", child.wait(WUNTRACED).describe());
    child.kill(SIGCONT);  // the deviation
    // Still stopped a moment later (the kernel's job-control stop, 'T'): a platform that
    // reports the stop but lets the child run on (a ptrace launcher restarting it) fails here.
    ps::say("parent: the child stays stopped (state T): ",
            ps::stays_in_state(child.pid(), "T", 0.02) ? "yes" : "no");
    // SIGKILL ends it while still stopped (the Child destructor would continue it first,
    // letting it print).
    child.kill(SIGKILL);
    child.wait();
  }

  ps::Child child([] {
    own_group();
    ps::install(SIGTSTP, on_tstp);
    raise(SIGTSTP);
    ps::say("child: still running after the handler");
    ps::check(signal(SIGTSTP, SIG_IGN) != SIG_ERR, "signal SIG_IGN");
    raise(SIGTSTP);
    ps::say("child: still running with SIGTSTP ignored");
    return 0;
  });
  ps::say("parent: with SIGTSTP caught, then ignored, child ", child.wait(WUNTRACED).describe());
  return 0;
}
