// SCN-03: the tutorial's lock example. Two writer processes share stdout and one lock (a
// process-shared mutex, as the tutorial's multiprocessing Lock is shared by its processes).
// Each takes the lock, writes "writerN output" five times one period apart, and releases
// it, so all of writer1's lines come before all of writer2's, one period apart throughout
// (without the lock both would write every period). Which writer goes first is forced:
// writer2 is started only once writer1 holds the lock, and writer1 begins writing once
// writer2 is proven blocked on it.
#include <pthread.h>

#include <atomic>
#include <string>

#include "procsync.hpp"

namespace {
constexpr int kLines = 5;
constexpr double kPeriod = 0.2;  // the tutorial sleeps 1 s; 0.2 s shows the same

struct Box {
  pthread_mutex_t lock;
  std::atomic<bool> writer1_holds{false};
  std::atomic<bool> writer2_locking{false};
  std::atomic<bool> go{false};
};

// The tutorial's writer: lock, then (sleep a period, write a line) five times, unlock.
int writer(Box& box, int n) {
  if (n == 2) {
    ps::say("writer2: waiting for the lock");
    box.writer2_locking = true;
  }
  ps::check(pthread_mutex_lock(&box.lock) == 0, "pthread_mutex_lock");
  if (n == 1) {
    ps::say("writer1: took the lock");
    box.writer1_holds = true;
    ps::await([&] { return box.go.load(); }, "the parent's go");
  }
  for (int i = 0; i < kLines; ++i) {
    ps::sleep_for(kPeriod);
    ps::say("writer", n, " output");
  }
  ps::check(pthread_mutex_unlock(&box.lock) == 0, "pthread_mutex_unlock");
  return 0;
}
}  // namespace

int main() {
  ps::Shared<Box> box;
  pthread_mutexattr_t attr;
  pthread_mutexattr_init(&attr);
  ps::check(pthread_mutexattr_setpshared(&attr, PTHREAD_PROCESS_SHARED) == 0, "setpshared");
  ps::check(pthread_mutex_init(&box->lock, &attr) == 0, "pthread_mutex_init");
  pthread_mutexattr_destroy(&attr);

  ps::Child writer1([&] { return writer(*box, 1); });
  ps::await([&] { return box->writer1_holds.load(); }, "writer1 to take the lock");
  ps::Child writer2([&] { return writer(*box, 2); });
  ps::await([&] { return box->writer2_locking.load(); }, "writer2 to be about to lock");
  ps::check(ps::wait_for_state(writer2.pid(), "S", 3.0), "writer2 never blocked");
  ps::say("parent: writer2 is blocked on the lock");
  box->go = true;

  const std::string end1 = writer1.wait().describe();
  const std::string end2 = writer2.wait().describe();
  ps::say("parent: writer1 ", end1, ", writer2 ", end2);
  pthread_mutex_destroy(&box->lock);
  return 0;
}
