// SEM-03: acquiring a semaphore at zero blocks until another process releases it, and
// returns only then. The parent proves the waiter is asleep before it waits 1 s and posts.
#include <semaphore.h>

#include <atomic>

#include "procsync.hpp"

namespace {
struct Box {
  sem_t sem;
  std::atomic<bool> about_to_wait{false};
};
constexpr double kHoldSeconds = 1.0;  // how long the parent keeps the waiter blocked
}  // namespace

int main() {
  ps::Shared<Box> box;
  ps::check(sem_init(&box->sem, /*pshared=*/1, 0) == 0, "sem_init");

  ps::Child waiter([&] {
    ps::say("waiter: acquiring at value ", ps::sem_value(&box->sem));
    box->about_to_wait = true;
    while (sem_wait(&box->sem) != 0) ps::check(errno == EINTR, "sem_wait");
    ps::say("waiter: acquired");
    return 0;
  });

  ps::await([&] { return box->about_to_wait.load(); }, "the waiter to be about to wait");
  ps::check(ps::wait_for_state(waiter.pid(), "S"), "waiter never blocked");
  ps::say("parent: waiter is blocked in sem_wait");
  ps::sleep_for(kHoldSeconds);
  ps::say("parent: releasing");
  ps::check(sem_post(&box->sem) == 0, "sem_post");
  ps::say("parent: waiter ", waiter.wait().describe());
  sem_destroy(&box->sem);
  return 0;
}
