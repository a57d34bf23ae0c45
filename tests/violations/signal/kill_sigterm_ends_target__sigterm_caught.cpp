// Violates SIG-01: SIGTERM does not take its default action; the target behaves as if a
// handler had run and exits normally.
#include <atomic>
#include <csignal>

#include "procsync.hpp"

int main() {
  ps::Shared<std::atomic<bool>> about_to_pause(false);
  ps::Child target([&] {
    ps::install(SIGTERM, [](int) { _exit(0); });
    ps::say("target: waiting in pause() with SIGTERM at its default action");
    *about_to_pause = true;
    for (;;) pause();
    return 0;
  });
  ps::await([&] { return about_to_pause->load(); }, "the target to be about to pause");
  ps::check(ps::wait_for_state(target.pid(), "S"), "target never blocked");
  ps::say("parent: target is blocked in pause()");
  ps::say("parent: kill(target, SIGTERM) returned ", kill(target.pid(), SIGTERM));
  ps::say("parent: target ", target.wait().describe());
  return 0;
}
