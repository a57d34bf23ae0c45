// Violates EVT-08 (condition_variable flavour): set uses notify_one, so only one waiter
// wakes; the program gives up on the other two after 0.5 s.
#include <array>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <mutex>
#include <thread>

#include "procsync.hpp"

int main() {
  std::mutex m;
  std::condition_variable cv;
  bool flag = false;
  ps::say("new event: is_set false");
  {
    std::unique_lock lock(m);
    const bool woke = cv.wait_for(lock, std::chrono::milliseconds(300), [&] { return flag; });
    ps::say("wait_for(0.3) on the clear event returned ", woke, ", not before the timeout");
  }
  std::array<std::thread, 3> waiters;
  for (int i = 0; i < 3; ++i) {
    const int n = i + 1;
    std::atomic<pid_t> tid{0};
    waiters[i] = std::thread([&, n] {
      std::unique_lock lock(m);
      tid = ps::this_thread_id();
      cv.wait(lock, [&] { return flag; });
      ps::say("waiter ", n, ": wait returned true");
    });
    ps::await([&] { return tid != 0; }, "the waiter to start");
    ps::check(ps::wait_for_thread_state(tid, "S"), "waiter never blocked");
    ps::say("waiter ", n, " is blocked in wait");
  }
  ps::sleep_for(0.5);
  ps::say("setting the event");
  {
    std::lock_guard lock(m);
    flag = true;
  }
  cv.notify_one();  // wrong: wakes one waiter only
  ps::sleep_for(0.5);
  std::_Exit(0);  // two waiters never return
}
