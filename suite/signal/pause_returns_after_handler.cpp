// SIG-19: pause() suspends the caller until a signal is caught; it returns only after the
// handler has run, with -1 and EINTR. A child pauses; the parent proves it is asleep, keeps
// it so for a second, and only then sends SIGUSR1.
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>

#include "procsync.hpp"

namespace {
struct Box {
  std::atomic<bool> about_to_pause{false};
};
volatile std::sig_atomic_t g_handled = 0;

void on_usr1(int sig) {
  g_handled = 1;
  ps::say_safe("child: handler caught ", ps::signal_name(sig));
}

constexpr double kHoldSeconds = 1.0;  // how long the parent leaves the child paused
}  // namespace

int main() {
  ps::Shared<Box> box;
  ps::Child pauser([&] {
    ps::install(SIGUSR1, on_usr1);
    box->about_to_pause = true;
    const int result = pause();
    const int err = errno;
    ps::say("child: pause returned ", result, " with ", ps::errno_name(err),
            ", after the handler: ", g_handled ? "yes" : "no");
    return 0;
  });

  ps::await([&] { return box->about_to_pause.load(); }, "the child to be about to pause");
  ps::check(ps::wait_for_state(pauser.pid(), "S"), "the child never went to sleep");
  ps::say("parent: child is asleep in pause");
  ps::sleep_for(kHoldSeconds);
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
