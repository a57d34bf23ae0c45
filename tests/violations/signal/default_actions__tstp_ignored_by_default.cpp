// Violates SIG-05: SIGTSTP's default action does nothing (as if it were ignored), so the
// child that raises it runs on instead of stopping.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <string>

#include "procsync.hpp"

namespace {
void run(const char* action, int sig) {
  ps::say(action, ": ", ps::signal_name(sig));
  ps::Child child([sig] {
    setpgid(0, 0);
    rlimit no_core{0, 0};
    setrlimit(RLIMIT_CORE, &no_core);
    if (sig != SIGSTOP) signal(sig, sig == SIGTSTP ? SIG_IGN : SIG_DFL);
    raise(sig);
    ps::say("child: still running after ", ps::signal_name(sig));
    return 0;
  });
  ps::Status st = child.wait(WUNTRACED);
  ps::say("parent: child ", st.signaled()
                                ? std::string("killed by ") + ps::signal_name(st.term_signal())
                                : st.describe());
  if (st.stopped()) {
    ps::say("parent: the child stays stopped (state T): ",
            ps::stays_in_state(child.pid(), "T", 0.02) ? "yes" : "no");
    child.kill(SIGCONT);
    ps::say("parent: child ", child.wait(WCONTINUED).describe(), " after SIGCONT");
    ps::say("parent: child ", child.wait().describe());
  }
}
}  // namespace

int main() {
  for (int sig : {SIGHUP, SIGINT, SIGTERM, SIGALRM, SIGUSR1, SIGUSR2, SIGPIPE}) {
    run("terminate", sig);
  }
  for (int sig : {SIGQUIT, SIGABRT}) run("terminate with core", sig);
  for (int sig : {SIGSTOP, SIGTSTP}) run("stop", sig);
  for (int sig : {SIGCHLD, SIGURG, SIGWINCH}) run("ignore", sig);
  run("continue", SIGCONT);
  return 0;
}
