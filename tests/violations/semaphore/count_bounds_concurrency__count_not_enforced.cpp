// Violates SEM-08: the count does not bound anything (acquire never blocks), so all 5 workers
// hold the semaphore at once and finish together after one holding time.
#include <atomic>
#include <vector>

#include "procsync.hpp"

namespace {
struct Box {
  std::atomic<bool> go{false};
  std::atomic<int> occupancy{0};
  std::atomic<int> highest{0};
};
}  // namespace

int main() {
  ps::Shared<Box> box;
  std::vector<ps::Child> workers;
  workers.reserve(5);
  for (int i = 0; i < 5; ++i)
    workers.emplace_back([&box, i] {
      while (!box->go) ps::sleep_for(0.001);
      const int now = ++box->occupancy;
      int seen = box->highest.load();
      while (now > seen && !box->highest.compare_exchange_weak(seen, now)) {
      }
      ps::say("worker ", i, ": entered, occupancy ", now);
      ps::sleep_for(0.2);
      ps::say("worker ", i, ": leaving, occupancy ", --box->occupancy);
      return 0;
    });
  ps::say("parent: 5 workers asleep at the gate; count semaphore at 2");
  ps::say("parent: opening the gate");
  box->go = true;
  for (auto& w : workers) w.wait();
  ps::say("parent: 5 of 5 workers exited 0");
  ps::say("parent: highest occupancy seen ", box->highest.load());
  return 0;
}
