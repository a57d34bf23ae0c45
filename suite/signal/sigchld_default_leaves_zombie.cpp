// SIG-29: with SIGCHLD at its default action, a child that exits stays a zombie (state Z in
// /proc/<pid>/stat) until its parent waits for it; waitpid() then reaps it and it is gone.
#include <sys/types.h>
#include <sys/wait.h>

#include <cerrno>
#include <string>

#include "procsync.hpp"

namespace {
constexpr double kLinger = 0.5;  // the zombie must still be there this long after

std::string state_text(pid_t pid) {
  const char state = ps::process_state(pid);
  if (state == '?') return "gone";
  return std::string("in state ") + state;
}
}  // namespace

int main() {
  ps::Child child([] { return 0; });
  const pid_t pid = child.pid();
  // Wait for the exit to show: a zombie, or gone if the system reaped it.
  ps::wait_for_state(pid, "Z?");
  ps::say("parent: the child exited and is ", state_text(pid));
  ps::sleep_for(kLinger);
  ps::say("parent: 0.5 s later, not yet waited for, the child is ", state_text(pid));
  ps::say("parent: waitpid reaped the child: ", child.wait().describe());
  ps::say("parent: after waitpid the child is ", state_text(pid));
  int status = 0;
  pid_t r;
  while ((r = waitpid(pid, &status, 0)) < 0 && errno == EINTR) {
  }
  const int err = errno;
  ps::say("parent: a second waitpid returned ", r, " with ", ps::errno_name(err));
  return 0;
}
