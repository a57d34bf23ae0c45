// SEM-07 (unnamed): an unnamed semaphore made with sem_init(pshared=1) in MAP_SHARED memory
// is one count for the parent and a forked child: the parent sees the child's acquire, and
// the child, asleep in sem_wait, is let through by the parent's release.
#include <semaphore.h>

#include <atomic>

#include "procsync.hpp"

namespace {
constexpr double kHoldSeconds = 0.3;  // the parent keeps the child blocked this long

struct Box {
  sem_t sem;
  std::atomic<bool> about_to_wait{false};
};

void acquire(sem_t* sem) {
  while (sem_wait(sem) != 0) ps::check(errno == EINTR, "sem_wait");
}
}  // namespace

int main() {
  ps::Shared<Box> box;
  ps::check(sem_init(&box->sem, /*pshared=*/1, 1) == 0, "sem_init");
  ps::say("parent: sem_init(pshared=1, 1) in MAP_SHARED memory, value ", ps::sem_value(&box->sem));

  ps::Child child([&box] {
    ps::say("child: value ", ps::sem_value(&box->sem));
    acquire(&box->sem);
    ps::say("child: took one, value ", ps::sem_value(&box->sem));
    box->about_to_wait = true;
    acquire(&box->sem);
    ps::say("child: second sem_wait returned, value ", ps::sem_value(&box->sem));
    return 0;
  });

  ps::await([&] { return box->about_to_wait.load(); }, "the child to be about to wait");
  ps::check(ps::wait_for_state(child.pid(), "S"), "child never blocked");
  ps::say("parent: child is asleep in its second sem_wait");
  ps::say("parent: value ", ps::sem_value(&box->sem));
  ps::sleep_for(kHoldSeconds);
  ps::say("parent: sem_post");
  ps::check(sem_post(&box->sem) == 0, "sem_post");
  ps::say("parent: child ", child.wait().describe());
  ps::say("parent: value ", ps::sem_value(&box->sem));
  sem_destroy(&box->sem);
  return 0;
}
