// SIG-01: kill(pid, SIGTERM) delivers SIGTERM to another process, and its default action
// ends that process: the parent's waitpid reports it killed by SIGTERM.
#include <atomic>
#include <csignal>

#include "procsync.hpp"

int main() {
  ps::Shared<std::atomic<bool>> about_to_pause(false);

  ps::Child target([&] {
    ps::say("target: waiting in pause() with SIGTERM at its default action");
    *about_to_pause = true;
    for (;;) pause();
    return 0;
  });

  // Prove the target is asleep in pause() before sending, instead of sleeping into it.
  ps::await([&] { return about_to_pause->load(); }, "the target to be about to pause");
  ps::check(ps::wait_for_state(target.pid(), "S"), "target never blocked");
  ps::say("parent: target is blocked in pause()");
  const int rc = kill(target.pid(), SIGTERM);
  ps::check(rc == 0, "kill");
  ps::say("parent: kill(target, SIGTERM) returned ", rc);
  ps::say("parent: target ", target.wait().describe());
  return 0;
}
