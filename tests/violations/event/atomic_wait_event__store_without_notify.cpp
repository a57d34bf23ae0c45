// Violates EVT-08 (atomic flavour): set stores true but never notifies, so the blocked
// waiters sleep on; the program gives up after 0.5 s.
#include <array>
#include <atomic>
#include <cstdlib>
#include <thread>

#include "procsync.hpp"

int main() {
  std::atomic<bool> flag{false};
  ps::say("new event: is_set ", flag.load());
  std::array<std::thread, 3> waiters;
  for (int i = 0; i < 3; ++i) {
    const int n = i + 1;
    std::atomic<pid_t> tid{0};
    waiters[i] = std::thread([&flag, &tid, n] {
      tid = ps::this_thread_id();
      while (!flag.load()) flag.wait(false);
      ps::say("waiter ", n, ": wait returned true");
    });
    ps::await([&] { return tid != 0; }, "the waiter to start");
    ps::check(ps::wait_for_thread_state(tid, "S"), "waiter never blocked");
    ps::say("waiter ", n, " is blocked in wait");
  }
  ps::sleep_for(0.5);
  ps::say("setting the event");
  flag.store(true);  // wrong: no notify_all
  ps::sleep_for(0.5);
  std::_Exit(0);  // the waiters never return
}
