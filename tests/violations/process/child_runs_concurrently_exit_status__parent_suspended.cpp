// Violates PRC-01: the parent is suspended until the child ends (vfork-like, as on systems
// without an MMU), and the exit status it gets is lost (0).
#include <unistd.h>

#include "procsync.hpp"

int main() {
  const pid_t parent = ::getpid();
  ps::Child child([&] {
    ps::say("child: started; its parent is the forking process: ",
            ::getppid() == parent ? "yes" : "no");
    ps::sleep_for(0.5);
    ps::say("child: exiting with status 7");
    return 0;
  });
  const ps::Status st = child.wait();
  ps::say("parent: running while the child sleeps");
  ps::say("parent: WIFEXITED ", st.exited(), ", WEXITSTATUS ", st.exit_code());
  return 0;
}
