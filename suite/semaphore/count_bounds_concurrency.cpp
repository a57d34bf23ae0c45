// SEM-08: a semaphore's count bounds concurrency: with a count of 2, never more than 2 of 5
// processes hold it at once. The workers wait at a start gate (a second semaphore) until all
// are proven asleep, then race for the count; each holds it for a while and keeps an
// occupancy counter in shared memory, printed on entry and exit. The highest occupancy seen
// is printed at the end, and the time the last worker finishes shows the serialisation:
// 5 holders 2 at a time need 3 rounds of the holding time.
#include <semaphore.h>

#include <atomic>
#include <vector>

#include "procsync.hpp"

namespace {
constexpr int kWorkers = 5;
constexpr unsigned kCount = 2;
constexpr double kHoldSeconds = 0.2;  // how long each worker holds the semaphore

struct Box {
  sem_t gate;   // starts at 0: the workers wait here until all are asleep
  sem_t count;  // the semaphore under test, starts at kCount
  std::atomic<int> occupancy{0};
  std::atomic<int> highest{0};
  std::atomic<bool> about_to_wait[kWorkers] = {};
};

void acquire(sem_t* sem) {
  while (sem_wait(sem) != 0) ps::check(errno == EINTR, "sem_wait");
}

int work(Box& box, int i) {
  box.about_to_wait[i] = true;
  acquire(&box.gate);
  acquire(&box.count);
  const int now = ++box.occupancy;
  int seen = box.highest.load();
  while (now > seen && !box.highest.compare_exchange_weak(seen, now)) {
  }
  ps::say("worker ", i, ": entered, occupancy ", now);
  ps::sleep_for(kHoldSeconds);
  ps::say("worker ", i, ": leaving, occupancy ", --box.occupancy);
  ps::check(sem_post(&box.count) == 0, "sem_post");
  return 0;
}
}  // namespace

int main() {
  ps::Shared<Box> box;
  ps::check(sem_init(&box->gate, /*pshared=*/1, 0) == 0, "sem_init gate");
  ps::check(sem_init(&box->count, /*pshared=*/1, kCount) == 0, "sem_init count");

  std::vector<ps::Child> workers;
  workers.reserve(kWorkers);
  for (int i = 0; i < kWorkers; ++i) workers.emplace_back([&box, i] { return work(*box, i); });
  for (int i = 0; i < kWorkers; ++i) {
    ps::await([&] { return box->about_to_wait[i].load(); }, "every worker to be about to wait");
    ps::check(ps::wait_for_state(workers[static_cast<std::size_t>(i)].pid(), "S"),
              "worker never blocked");
  }
  ps::say("parent: ", kWorkers, " workers asleep at the gate; count semaphore at ", kCount);
  ps::say("parent: opening the gate");
  for (int i = 0; i < kWorkers; ++i) ps::check(sem_post(&box->gate) == 0, "sem_post gate");

  int exited = 0;
  for (auto& w : workers)
    if (w.wait().describe() == "exited 0") ++exited;
  ps::say("parent: ", exited, " of ", kWorkers, " workers exited 0");
  ps::say("parent: highest occupancy seen ", box->highest.load());
  sem_destroy(&box->gate);
  sem_destroy(&box->count);
  return 0;
}
