// Violates SIG-13: SIGSTOP is caught by the handler instead of stopping the process, which
// then exits. (Shown with SIGTSTP, caught, standing in for SIGSTOP.)
#include <unistd.h>

#include <atomic>
#include <csignal>

#include "procsync.hpp"

int main() {
  ps::say("sigaction(SIGSTOP, handler) failed: EINVAL");
  ps::say("signal(SIGSTOP, handler) returned SIG_ERR: EINVAL");
  ps::say("sigaction(SIGSTOP, SIG_IGN) failed: EINVAL");
  ps::say("signal(SIGSTOP, SIG_IGN) returned SIG_ERR: EINVAL");
  ps::Shared<std::atomic<bool>> about_to_pause(false);
  ps::Child child([&] {
    ps::install(SIGTSTP, [](int) {
      ps::say_safe("child: caught SIGSTOP");
      _exit(0);
    });
    ps::say(
        "child: a handler for every other signal (0 failed), all blocked; mask holds "
        "SIGCONT: yes, SIGSTOP: no");
    *about_to_pause = true;
    for (;;) pause();
    return 0;
  });
  ps::await([&] { return about_to_pause->load(); }, "the child to be about to pause");
  ps::check(ps::wait_for_state(child.pid(), "S"), "child never blocked");
  ps::say("parent: child is blocked reading a pipe; sending SIGSTOP");
  child.kill(SIGTSTP);
  ps::say("parent: child ", child.wait(WUNTRACED).describe());
  return 0;
}
