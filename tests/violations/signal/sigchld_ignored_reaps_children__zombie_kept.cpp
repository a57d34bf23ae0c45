// Violates SIG-28: SIG_IGN and SA_NOCLDWAIT have no effect (the default action is kept), so
// each child is left as a zombie for wait() to collect.
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>

#include "procsync.hpp"

namespace {
void run_child(const char* name) {
  const pid_t pid = fork();
  if (pid < 0) ps::fail("fork");
  if (pid == 0) {
    ps::sleep_for(0.5);
    std::_Exit(0);
  }
  ps::say("parent: ", name, " will exit after 0.5 s; calling wait()");
  int status = 0;
  const pid_t r = wait(&status);
  ps::say("parent: wait() returned ", r == pid ? "the child, exited 0" : "something else");
  ps::say("parent: ", name, " is gone: no zombie");
  ps::say("parent: waitpid(", name, ") returned -1 with ", ps::errno_name(ECHILD));
}
}  // namespace

int main() {
  ps::say("SIGCHLD set to SIG_IGN");
  run_child("child 1");
  ps::say("SIGCHLD set to SIG_DFL with SA_NOCLDWAIT");
  run_child("child 2");
  return 0;
}
