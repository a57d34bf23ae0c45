// SIG-25, sleep() flavour: a caught signal cuts sleep() short, and sleep() returns the
// seconds it did not sleep. The parent sleeps 2 s; a child proves it is asleep and sends
// SIGUSR1 0.7 s later. (The std::this_thread::sleep_for flavour, which sleeps on, is
// sleep_for_resumes_after_signal.)
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

constexpr unsigned kSleepSeconds = 2;
// The signal comes this long into the sleep, leaving 1.3 s unslept: 1 whether the
// implementation truncates or rounds to nearest, 2 if it rounds up.
constexpr double kSignalAfter = 0.7;
}  // namespace

int main() {
  ps::install(SIGUSR1, on_usr1);
  ps::Shared<Box> box;
  const pid_t sleeper = getpid();
  ps::Child sender([&] {
    ps::await([&] { return box->about_to_sleep.load(); }, "the parent to be about to sleep");
    ps::check(ps::wait_for_state(sleeper, "S"), "the parent never went to sleep");
    ps::say("child: parent is asleep in sleep(", kSleepSeconds, ")");
    ps::sleep_for(kSignalAfter);
    ps::say("child: sending SIGUSR1");
    ps::check(kill(sleeper, SIGUSR1) == 0, "kill");
    return 0;
  });

  box->about_to_sleep = true;
  const unsigned unslept = sleep(kSleepSeconds);
  ps::say("parent: sleep(", kSleepSeconds, ") returned ", unslept);
  ps::say("parent: child ", sender.wait().describe());
  return 0;
}
