// Violates SIG-19: the "pause" gives up after half a second although no signal came.
#include <atomic>
#include <csignal>

#include "procsync.hpp"

namespace {
struct Box {
  std::atomic<bool> about_to_pause{false};
};
void on_usr1(int sig) {
  ps::say_safe("child: handler caught ", ps::signal_name(sig));
}
}  // namespace

int main() {
  ps::Shared<Box> box;
  ps::Child pauser([&] {
    ps::install(SIGUSR1, on_usr1);
    box->about_to_pause = true;
    ps::sleep_for(0.5);
    ps::say("child: pause returned -1 with EINTR, after the handler: yes");
    return 0;
  });
  ps::await([&] { return box->about_to_pause.load(); }, "the child to be about to pause");
  ps::check(ps::wait_for_state(pauser.pid(), "S"), "the child never went to sleep");
  ps::say("parent: child is asleep in pause");
  ps::sleep_for(1.0);
  ps::say("parent: sending SIGUSR1");
  pauser.kill(SIGUSR1);
  // A platform that leaves the child paused would block waitpid for good: say so instead.
  const ps::Status st = pauser.wait_within(0, ps::kGuardSeconds);
  if (!st.valid) {
    ps::say("parent: the child is still paused after SIGUSR1");
    return 1;
  }
  ps::say("parent: child ", st.describe());
  return 0;
}
