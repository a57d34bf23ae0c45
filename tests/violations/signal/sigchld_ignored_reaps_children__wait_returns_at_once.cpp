// Violates SIG-28: with SIGCHLD ignored, wait() fails with ECHILD at once instead of
// blocking until the children have terminated.
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <string>

#include "procsync.hpp"

namespace {
constexpr double kChildLife = 0.5;  // the child exits on its own after this long

std::string outcome(pid_t result, int status, int err) {
  if (result < 0) return std::string("-1 with ") + ps::errno_name(err);
  ps::Status s;
  s.raw = status;
  s.valid = true;
  return "the child, " + s.describe();
}

void run_child(const char* name) {
  // A plain fork, not ps::Child: the system, not this program, reaps the child, and its pid
  // must not be signalled once it is gone.
  const pid_t pid = fork();
  if (pid < 0) ps::fail("fork");
  if (pid == 0) {
    ps::sleep_for(kChildLife);
    std::_Exit(0);
  }
  ps::say("parent: ", name, " will exit after 0.5 s; calling wait()");
  int status = 0;
  pid_t r;
  r = -1;  // the deviation: no waiting for the child
  int err = ECHILD;
  ps::say("parent: wait() returned ", outcome(r, status, err));
  // 'X' (being released) may show for a moment; wait for it to be gone or a zombie.
  ps::wait_for_state(pid, "?Z", 2.0);
  const char state = ps::process_state(pid);
  if (state == '?')
    ps::say("parent: ", name, " is gone: no zombie");
  else
    ps::say("parent: ", name, " is in state ", state);
  while ((r = waitpid(pid, &status, 0)) < 0 && errno == EINTR) {
  }
  err = errno;
  ps::say("parent: waitpid(", name, ") returned ", outcome(r, status, err));
}
}  // namespace

int main() {
  ps::install(SIGCHLD, SIG_IGN);
  ps::say("SIGCHLD set to SIG_IGN");
  run_child("child 1");

  ps::install(SIGCHLD, SIG_DFL, SA_NOCLDWAIT);
  ps::say("SIGCHLD set to SIG_DFL with SA_NOCLDWAIT");
  run_child("child 2");
  return 0;
}
