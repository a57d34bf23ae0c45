// Violates SIG-25 (sleep flavour): sleep() resumes after the handler and sleeps its full
// 2 s, as if it were restarted.
#include <sys/types.h>
#include <unistd.h>

#include <atomic>
#include <csignal>

#include "procsync.hpp"

namespace {
struct Box {
  std::atomic<bool> about_to_sleep{false};
};
void on_usr1(int sig) {
  ps::say_safe("parent: caught ", ps::signal_name(sig));
}
}  // namespace

int main() {
  ps::install(SIGUSR1, on_usr1);
  ps::Shared<Box> box;
  const pid_t sleeper = getpid();
  ps::Child sender([&] {
    ps::await([&] { return box->about_to_sleep.load(); }, "the parent to be about to sleep");
    ps::check(ps::wait_for_state(sleeper, "S"), "the parent never went to sleep");
    ps::say("child: parent is asleep in sleep(2)");
    ps::sleep_for(0.7);
    ps::say("child: sending SIGUSR1");
    ps::check(kill(sleeper, SIGUSR1) == 0, "kill");
    return 0;
  });
  box->about_to_sleep = true;
  ps::sleep_for(2.0);
  ps::say("parent: sleep(2) returned 1");
  ps::say("parent: child ", sender.wait().describe());
  return 0;
}
