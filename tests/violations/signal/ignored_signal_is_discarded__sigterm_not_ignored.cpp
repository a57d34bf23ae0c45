// Violates SIG-21: SIGTERM keeps its default action, so the child's SIGTERM ends the parent.
#include <unistd.h>

#include <csignal>

#include "procsync.hpp"

int main() {
  ps::install(SIGINT, SIG_IGN);
  ps::say("SIGINT and SIGTERM set to SIG_IGN");
  ps::check(kill(getpid(), SIGINT) == 0, "kill SIGINT");
  ps::say("kill(own pid, SIGINT) returned 0");
  ps::say("still running after SIGINT; SIGINT pending: no");
  ps::Child sender([] {
    ps::check(kill(getppid(), SIGTERM) == 0, "kill SIGTERM");
    return 0;
  });
  ps::say("child that sent SIGTERM to the parent ", sender.wait().describe());
  ps::say("still running after SIGTERM; SIGTERM pending: no");
  ps::say("handlers installed afterwards for SIGINT and SIGTERM ran 0 time(s)");
  return 0;
}
