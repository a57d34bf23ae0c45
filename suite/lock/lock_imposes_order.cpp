// LCK-07: a lock can impose an order on two tasks, whichever of them starts first (the
// tutorial's "lock the post-order thread first"): main takes the lock before starting
// either task, the later task must take it before it runs, and the earlier task releases
// it when its work is done. Run with both start orders: earlier, then later, every time.
// The tutorial's lock is released by a thread that did not take it. A POSIX mutex forbids
// that (only its owner may unlock it), so this lock is a binary semaphore (sem_t at 1),
// which, like Python's Lock, any thread may release.
#include <semaphore.h>

#include <atomic>
#include <thread>

#include "procsync.hpp"

namespace {
constexpr double kProveSeconds = 3.0;  // how long main looks for the later task's sleep

struct Order {
  sem_t lock;        // the ordering lock, taken by main and released by the earlier task
  sem_t may_finish;  // main lets the earlier task finish once the later one is waiting
  std::atomic<pid_t> later_tid{0};
  std::atomic<bool> later_locking{false};
  std::atomic<bool> earlier_running{false};
};

void later_task(Order& o) {
  o.later_tid = ps::this_thread_id();
  ps::say("later: waiting for the lock");
  o.later_locking = true;
  while (sem_wait(&o.lock) != 0) ps::check(errno == EINTR, "sem_wait");
  ps::say("later: has the lock, runs");
  sem_post(&o.lock);
}

void earlier_task(Order& o) {
  ps::say("earlier: running");
  o.earlier_running = true;
  while (sem_wait(&o.may_finish) != 0) ps::check(errno == EINTR, "sem_wait");
  ps::say("earlier: done, unlocking");
  sem_post(&o.lock);
}

void wait_until_later_blocked(Order& o) {
  ps::await([&] { return o.later_locking.load(); }, "the later task to be about to lock");
  ps::check(ps::wait_for_thread_state(o.later_tid, "S", kProveSeconds), "later never blocked");
  ps::say("main: the later task is blocked on the lock");
}

void run(bool later_first) {
  ps::say(later_first ? "round: the later task starts first"
                      : "round: the earlier task starts first");
  Order o;
  ps::check(sem_init(&o.lock, 0, 1) == 0 && sem_init(&o.may_finish, 0, 0) == 0, "sem_init");
  ps::check(sem_wait(&o.lock) == 0, "sem_wait");
  ps::say("main: took the lock before starting the tasks");

  std::thread first;
  std::thread second;
  if (later_first) {
    first = std::thread(later_task, std::ref(o));
    wait_until_later_blocked(o);
    second = std::thread(earlier_task, std::ref(o));
  } else {
    first = std::thread(earlier_task, std::ref(o));
    ps::await([&] { return o.earlier_running.load(); }, "the earlier task to run");
    second = std::thread(later_task, std::ref(o));
    wait_until_later_blocked(o);
  }
  ps::check(sem_post(&o.may_finish) == 0, "sem_post");
  first.join();
  second.join();
  ps::say("main: both tasks joined");
  sem_destroy(&o.lock);
  sem_destroy(&o.may_finish);
}
}  // namespace

int main() {
  run(/*later_first=*/true);
  run(/*later_first=*/false);
  return 0;
}
