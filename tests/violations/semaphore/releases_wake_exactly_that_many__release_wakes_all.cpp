// Violates SEM-06: a release wakes every waiter and each of them passes (a "semaphore" built
// like an event): the first round of 2 releases lets all 4 through.
#include <atomic>
#include <vector>

#include "procsync.hpp"

namespace {
struct Box {
  std::atomic<bool> released{false};
  std::atomic<int> passed{0};
};
}  // namespace

int main() {
  ps::Shared<Box> box;
  std::vector<ps::Child> waiters;
  waiters.reserve(4);
  for (int i = 0; i < 4; ++i) {
    waiters.emplace_back([&box, i] {
      while (!box->released) ps::sleep_for(0.001);
      ps::say("waiter ", i, ": acquired");
      ++box->passed;
      return 0;
    });
    ps::say("parent: waiter ", i, " is asleep in sem_wait");
  }
  ps::say("parent: value with 4 waiters blocked: 0");
  ps::sleep_for(0.3);
  ps::say("parent: sem_post x 2");
  box->released = true;
  while (box->passed < 4) ps::sleep_for(0.001);
  ps::sleep_for(0.3);
  ps::say("parent: 4 passed, 0 still asleep in sem_wait, value 0");
  ps::say("parent: sem_post x 2");
  for (int i = 0; i < 4; ++i) ps::say("parent: waiter ", i, " ", waiters[i].wait().describe());
  ps::say("parent: value 2");
  return 0;
}
