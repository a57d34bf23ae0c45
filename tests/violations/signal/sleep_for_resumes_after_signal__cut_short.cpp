// Violates SIG-25 (C++ flavour): the sleep ends when the signal's handler has run, as a
// single nanosleep() without resumption would.
#include <sys/types.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <ctime>
#include <thread>

#include "procsync.hpp"

namespace {
struct Box {
  std::atomic<bool> about_to_sleep{false};
};

void on_usr1(int sig) {
  ps::say_safe("parent: caught ", ps::signal_name(sig));
}

constexpr std::chrono::milliseconds kSleep{2000};
constexpr double kSignalAfter = 1.2;  // inside the sleep, 0.8 s before its end
}  // namespace

int main() {
  ps::install(SIGUSR1, on_usr1);
  ps::Shared<Box> box;
  const pid_t sleeper = getpid();
  ps::Child sender([&] {
    ps::await([&] { return box->about_to_sleep.load(); }, "the parent to be about to sleep");
    ps::check(ps::wait_for_state(sleeper, "S"), "the parent never went to sleep");
    ps::say("child: parent is asleep in std::this_thread::sleep_for(2 s)");
    ps::sleep_for(kSignalAfter);
    ps::say("child: sending SIGUSR1");
    ps::check(kill(sleeper, SIGUSR1) == 0, "kill");
    return 0;
  });

  box->about_to_sleep = true;
  const auto before = std::chrono::steady_clock::now();
  // The deviation: one nanosleep(), not resumed after EINTR.
  const timespec whole{2, 0};
  nanosleep(&whole, nullptr);
  const bool full = std::chrono::steady_clock::now() - before >= kSleep;
  ps::say("parent: sleep_for returned; it slept the full 2 s: ", full ? "yes" : "no");
  ps::say("parent: child ", sender.wait().describe());
  return 0;
}
