// Violates SIG-29: the system reaps the exited child at once (as with SIGCHLD ignored), so no
// zombie is left for the parent to wait for.
#include <sys/wait.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <string>

#include "procsync.hpp"

namespace {
std::string state_text(pid_t pid) {
  const char state = ps::process_state(pid);
  if (state == '?') return "gone";
  return std::string("in state ") + state;
}
}  // namespace

int main() {
  ps::install(SIGCHLD, SIG_IGN);
  const pid_t pid = fork();
  if (pid == 0) std::_Exit(0);
  ps::wait_for_state(pid, "Z?");
  ps::say("parent: the child exited and is ", state_text(pid));
  ps::sleep_for(0.5);
  ps::say("parent: 0.5 s later, not yet waited for, the child is ", state_text(pid));
  int status = 0;
  const pid_t r = waitpid(pid, &status, 0);
  ps::say("parent: waitpid reaped the child: ", r == pid ? "exited 0" : "nothing");
  ps::say("parent: after waitpid the child is ", state_text(pid));
  ps::say("parent: a second waitpid returned -1 with ", ps::errno_name(ECHILD));
  return 0;
}
