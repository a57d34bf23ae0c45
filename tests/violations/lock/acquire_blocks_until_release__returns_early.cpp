// Violates LCK-02: the waiter's lock does not wait for the holder: it gives up blocking
// after a quarter of a second and returns 0 while the parent still holds the mutex.
#include <pthread.h>

#include <atomic>

#include "procsync.hpp"

namespace {
struct Box {
  pthread_mutex_t lock;
  std::atomic<bool> about_to_lock{false};
};
}  // namespace

int main() {
  ps::Shared<Box> box;
  pthread_mutexattr_t attr;
  pthread_mutexattr_init(&attr);
  pthread_mutexattr_setpshared(&attr, PTHREAD_PROCESS_SHARED);
  pthread_mutex_init(&box->lock, &attr);
  pthread_mutex_lock(&box->lock);
  ps::say("parent: holds the lock");
  ps::Child waiter([&] {
    ps::say("waiter: locking");
    box->about_to_lock = true;
    ps::sleep_for(0.25);
    ps::say("waiter: pthread_mutex_lock returned 0");
    return 0;
  });
  ps::await([&] { return box->about_to_lock.load(); }, "the waiter to be about to lock");
  ps::check(ps::wait_for_state(waiter.pid(), "S", 3.0), "waiter never blocked");
  ps::say("parent: waiter is blocked in pthread_mutex_lock");
  ps::sleep_for(0.5);
  ps::say("parent: unlocking");
  pthread_mutex_unlock(&box->lock);
  ps::say("parent: waiter ", waiter.wait().describe());
  return 0;
}
