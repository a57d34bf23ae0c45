// Violates SIG-14: SIGTSTP is treated like SIGSTOP: installing a handler has no effect and
// the child stops.
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>

#include "procsync.hpp"

int main() {
  ps::say("parent: with SIGTSTP at its default action, child stopped by SIGTSTP");
  ps::say("parent: the child stays stopped (state T): yes");
  ps::Child child([] {
    setpgid(0, 0);
    raise(SIGTSTP);
    ps::say("child: still running after the handler");
    return 0;
  });
  ps::say("parent: with SIGTSTP caught, then ignored, child ", child.wait(WUNTRACED).describe());
  return 0;
}
