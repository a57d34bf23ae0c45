// Violates SIG-10: SIGKILL is caught like any other signal: the handler runs and the process
// exits normally. (Shown with SIGTERM standing in for a catchable SIGKILL.)
#include <unistd.h>

#include <atomic>
#include <csignal>

#include "procsync.hpp"

int main() {
  ps::say("sigaction(SIGKILL, handler) failed: EINVAL");
  ps::say("signal(SIGKILL, handler) returned SIG_ERR: EINVAL");
  ps::say("sigaction(SIGKILL, SIG_IGN) failed: EINVAL");
  ps::say("signal(SIGKILL, SIG_IGN) returned SIG_ERR: EINVAL");
  ps::say("SIGKILL's action is still SIG_DFL");
  ps::Shared<std::atomic<bool>> about_to_pause(false);
  ps::Child catcher([&] {
    ps::install(SIGTERM, [](int) {
      ps::say_safe("caught SIGKILL");
      _exit(0);
    });
    ps::say("catching child: a handler for every other signal, 0 failed");
    *about_to_pause = true;
    for (;;) pause();
    return 0;
  });
  ps::await([&] { return about_to_pause->load(); }, "the child to be about to pause");
  ps::check(ps::wait_for_state(catcher.pid(), "S"), "catching child never blocked");
  ps::say("parent: catching child is blocked in pause(); sending SIGKILL");
  catcher.kill(SIGTERM);
  ps::say("parent: catching child ", catcher.wait().describe());
  return 0;
}
