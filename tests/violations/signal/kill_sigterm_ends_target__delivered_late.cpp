// Violates SIG-01: the signal reaches the target only 0.7 s after kill() returned.
#include <sys/wait.h>

#include <atomic>
#include <csignal>

#include "procsync.hpp"

int main() {
  ps::Shared<std::atomic<bool>> about_to_pause(false);

  ps::Child target([&] {
    ps::say("target: waiting in pause() with SIGTERM at its default action");
    // The deviation: SIGTERM is held for 0.7 s (the target sleeps with it blocked).
    ps::BlockedSignals late{SIGTERM};
    *about_to_pause = true;
    ps::sleep_for(0.7);
    late.restore();
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
  // Bounded: a platform that never delivers the signal fails with a line of its own, not a
  // TIMEOUT (the Child's destructor then ends the target).
  ps::Status end;
  const double give_up = ps::monotonic_seconds() + ps::scaled_timeout(ps::kGuardSeconds);
  while (!(end = target.wait(WNOHANG)).valid && ps::monotonic_seconds() < give_up) {
    ps::sleep_for(0.001);
  }
  ps::say("parent: target ", end.valid ? end.describe() : "still running");
  return 0;
}
