// Violates LCK-07: taking a lock that is held does not block (here it is a try that ignores
// its failure), so the later task runs as soon as it starts, before the earlier one.
#include <semaphore.h>

#include <atomic>
#include <thread>

#include "procsync.hpp"

namespace {
struct Order {
  sem_t lock;
  sem_t may_finish;
  std::atomic<bool> later_locking{false};
  std::atomic<bool> earlier_running{false};
};

void later_task(Order& o) {
  ps::say("later: waiting for the lock");
  o.later_locking = true;
  sem_trywait(&o.lock);
  ps::say("later: has the lock, runs");
}

void earlier_task(Order& o) {
  ps::say("earlier: running");
  o.earlier_running = true;
  sem_wait(&o.may_finish);
  ps::say("earlier: done, unlocking");
  sem_post(&o.lock);
}

void run(bool later_first) {
  ps::say(later_first ? "round: the later task starts first"
                      : "round: the earlier task starts first");
  Order o;
  sem_init(&o.lock, 0, 1);
  sem_init(&o.may_finish, 0, 0);
  sem_wait(&o.lock);
  ps::say("main: took the lock before starting the tasks");
  std::thread first(later_first ? later_task : earlier_task, std::ref(o));
  if (later_first) {
    ps::await([&] { return o.later_locking.load(); }, "the later task to be about to lock");
    ps::sleep_for(0.05);
    ps::say("main: the later task is blocked on the lock");
  } else {
    ps::await([&] { return o.earlier_running.load(); }, "the earlier task to run");
  }
  std::thread second(later_first ? earlier_task : later_task, std::ref(o));
  if (!later_first) {
    ps::await([&] { return o.later_locking.load(); }, "the later task to be about to lock");
    ps::sleep_for(0.05);
    ps::say("main: the later task is blocked on the lock");
  }
  sem_post(&o.may_finish);
  first.join();
  second.join();
  ps::say("main: both tasks joined");
}
}  // namespace

int main() {
  run(true);
  run(false);
  return 0;
}
