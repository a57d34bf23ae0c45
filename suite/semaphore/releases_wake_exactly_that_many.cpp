// SEM-06: with N processes blocked on a semaphore at zero, M releases let exactly M of them
// through; the others stay asleep in sem_wait until released in turn. Each waiter is proven
// asleep before the next starts; the parent holds before each round of releases so that a
// waiter that passed too early would show up before the release.
#include <semaphore.h>

#include <atomic>
#include <vector>

#include "procsync.hpp"

namespace {
constexpr int kWaiters = 4;           // N
constexpr int kFirstReleases = 2;     // M
constexpr double kHoldSeconds = 0.3;  // between proving the state and acting on it

struct Box {
  sem_t sem;
  std::atomic<int> passed{0};
  std::atomic<bool> about_to_wait[kWaiters] = {};
  std::atomic<bool> acquired[kWaiters] = {};
};

void wait_until_passed(const Box& box, int n) {
  ps::await([&] { return box.passed.load() >= n; }, "the woken waiters to pass");
}

// How many waiters that have not passed are asleep ('S') right now.
int asleep(const Box& box, const std::vector<ps::Child>& waiters) {
  int n = 0;
  for (int i = 0; i < kWaiters; ++i)
    if (!box.acquired[i].load() && ps::process_state(waiters[i].pid()) == 'S') ++n;
  return n;
}
}  // namespace

int main() {
  ps::Shared<Box> box;
  ps::check(sem_init(&box->sem, /*pshared=*/1, 0) == 0, "sem_init");

  std::vector<ps::Child> waiters;
  waiters.reserve(kWaiters);
  for (int i = 0; i < kWaiters; ++i) {
    waiters.emplace_back([&box, i] {
      box->about_to_wait[i] = true;
      while (sem_wait(&box->sem) != 0) ps::check(errno == EINTR, "sem_wait");
      ps::say("waiter ", i, ": acquired");
      box->acquired[i] = true;
      ++box->passed;
      return 0;
    });
    ps::await([&] { return box->about_to_wait[i].load(); }, "every waiter to be about to wait");
    ps::check(ps::wait_for_state(waiters.back().pid(), "S"), "waiter never blocked");
    ps::say("parent: waiter ", i, " is asleep in sem_wait");
  }
  // POSIX lets sem_getvalue report either 0 or minus the number of waiters here.
  ps::say("parent: value with ", kWaiters, " waiters blocked: ", ps::sem_value(&box->sem));

  ps::sleep_for(kHoldSeconds);
  ps::say("parent: sem_post x ", kFirstReleases);
  for (int i = 0; i < kFirstReleases; ++i) ps::check(sem_post(&box->sem) == 0, "sem_post");
  wait_until_passed(*box, kFirstReleases);

  ps::sleep_for(kHoldSeconds);
  ps::say("parent: ", box->passed.load(), " passed, ", asleep(*box, waiters),
          " still asleep in sem_wait, value ", ps::sem_value(&box->sem));
  ps::say("parent: sem_post x ", kWaiters - kFirstReleases);
  for (int i = kFirstReleases; i < kWaiters; ++i) ps::check(sem_post(&box->sem) == 0, "sem_post");
  wait_until_passed(*box, kWaiters);

  for (int i = 0; i < kWaiters; ++i)
    ps::say("parent: waiter ", i, " ", waiters[static_cast<std::size_t>(i)].wait().describe());
  ps::say("parent: value ", ps::sem_value(&box->sem));
  sem_destroy(&box->sem);
  return 0;
}
