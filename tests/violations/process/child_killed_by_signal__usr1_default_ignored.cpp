// Violates PRC-02: SIGUSR1's default action taken as "ignore" (a platform with a wrong
// default-action table), so the raising child runs on and exits 0.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "procsync.hpp"

namespace {
void report(const char* who, const ps::Status& st) {
  ps::say("parent: ", who, ": WIFEXITED ", st.exited(), ", WIFSIGNALED ", st.signaled(),
          ", WTERMSIG ", st.signaled() ? ps::signal_name(st.term_signal()) : "-");
}
}  // namespace

int main() {
  ps::Child sleeper([] {
    ::pause();
    ps::say("child 1: pause returned");
    return 0;
  });
  ps::check(ps::wait_for_state(sleeper.pid(), "S"), "child 1 never blocked");
  ps::say("parent: child 1 is blocked in pause; sending SIGTERM");
  sleeper.kill(SIGTERM);
  report("child 1", sleeper.wait());

  ps::Child raiser([] {
    ps::say("child 2: raising SIGUSR1");
    ::signal(SIGUSR1, SIG_IGN);  // what the wrong default action amounts to
    ::raise(SIGUSR1);
    ps::say("child 2: still running after SIGUSR1");
    return 0;
  });
  report("child 2", raiser.wait());
  return 0;
}
