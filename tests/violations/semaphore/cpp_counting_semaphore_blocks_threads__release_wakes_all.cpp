// Violates SEM-10: release(1) lets every blocked thread through (the count is not
// decremented by the threads it wakes).
#include <atomic>
#include <thread>
#include <vector>

#include "procsync.hpp"

namespace {
std::atomic<bool> g_open{false};
std::atomic<int> g_passed{0};
}  // namespace

int main() {
  std::vector<std::thread> threads;
  for (int i = 0; i < 3; ++i) {
    threads.emplace_back([i] {
      while (!g_open) ps::sleep_for(0.001);
      ps::say("thread ", i, ": acquired");
      ++g_passed;
    });
    ps::say("main: thread ", i, " is asleep in acquire() at 0");
  }
  ps::sleep_for(0.3);
  ps::say("main: release(1)");
  g_open = true;
  for (auto& t : threads) t.join();
  ps::sleep_for(0.3);
  ps::say("main: ", g_passed.load(), " passed, 0 still asleep in acquire()");
  ps::say("main: release(2)");
  ps::say("main: 3 passed");
  return 0;
}
