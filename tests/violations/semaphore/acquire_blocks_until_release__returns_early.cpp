// Violates SEM-03: the waiter's "acquire" gives up after half a second instead of blocking
// until the release.
#include <semaphore.h>

#include <atomic>

#include "procsync.hpp"

namespace {
struct Box {
  sem_t sem;
  std::atomic<bool> about_to_wait{false};
};
}  // namespace

int main() {
  ps::Shared<Box> box;
  ps::check(sem_init(&box->sem, 1, 0) == 0, "sem_init");
  ps::Child waiter([&] {
    ps::say("waiter: acquiring at value 0");
    box->about_to_wait = true;
    ps::sleep_for(0.5);
    ps::say("waiter: acquired");
    return 0;
  });
  ps::await([&] { return box->about_to_wait.load(); }, "the waiter to be about to wait");
  ps::check(ps::wait_for_state(waiter.pid(), "S"), "waiter never blocked");
  ps::say("parent: waiter is blocked in sem_wait");
  ps::sleep_for(1.0);
  ps::say("parent: releasing");
  ps::check(sem_post(&box->sem) == 0, "sem_post");
  ps::say("parent: waiter ", waiter.wait().describe());
  return 0;
}
