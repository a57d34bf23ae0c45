// Violates SIG-20: the caught SIGUSR1 does not end the pause either (shown by keeping it
// blocked), so the child stays in pause().
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>

#include "procsync.hpp"

namespace {
struct Box {
  std::atomic<bool> about_to_pause{false};
};

void on_usr1(int sig) {
  ps::say_safe("child: handler caught ", ps::signal_name(sig));
}

constexpr double kAfterIgnored = 0.5;  // how long the child must stay asleep after SIGUSR2
}  // namespace

int main() {
  ps::Shared<Box> box;
  ps::Child pauser([&] {
    ps::install(SIGUSR1, on_usr1);
    ps::install(SIGUSR2, SIG_IGN);
    const ps::BlockedSignals held{SIGUSR1};  // the deviation
    box->about_to_pause = true;
    const int result = pause();
    const int err = errno;
    ps::say("child: pause returned ", result, " with ", ps::errno_name(err));
    return 0;
  });

  ps::await([&] { return box->about_to_pause.load(); }, "the child to be about to pause");
  ps::check(ps::wait_for_state(pauser.pid(), "S"), "the child never went to sleep");
  ps::say("parent: child is asleep in pause");
  ps::say("parent: sending SIGUSR2, which the child ignores");
  pauser.kill(SIGUSR2);
  ps::sleep_for(kAfterIgnored);
  ps::say("parent: 0.5 s later the child is in state ", ps::process_state(pauser.pid()));
  ps::say("parent: sending SIGUSR1, which the child catches");
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
