// Violates PRC-02: the death by signal is turned into an ordinary exit with status
// 128 + signal (as a shell would report it), so WIFSIGNALED is false.
#include <signal.h>
#include <unistd.h>

#include "procsync.hpp"

namespace {
void exit_on_signal(int sig) {
  ::_exit(128 + sig);
}
void report(const char* who, const ps::Status& st) {
  ps::say("parent: ", who, ": WIFEXITED ", st.exited(), ", WIFSIGNALED ", st.signaled(),
          ", WTERMSIG ", st.signaled() ? ps::signal_name(st.term_signal()) : "-");
}
}  // namespace

int main() {
  ps::Child sleeper([] {
    ps::install(SIGTERM, exit_on_signal);
    ::pause();
    return 0;
  });
  ps::check(ps::wait_for_state(sleeper.pid(), "S"), "child 1 never blocked");
  ps::say("parent: child 1 is blocked in pause; sending SIGTERM");
  sleeper.kill(SIGTERM);
  report("child 1", sleeper.wait());
  ps::Child raiser([] {
    ps::install(SIGUSR1, exit_on_signal);
    ps::say("child 2: raising SIGUSR1");
    ::raise(SIGUSR1);
    return 0;
  });
  report("child 2", raiser.wait());
  return 0;
}
