// LCK-02: locking a process-shared mutex that another process holds blocks until the holder
// unlocks it. The parent holds the lock, proves the waiter is asleep in pthread_mutex_lock,
// keeps holding it for kHoldSeconds and unlocks: the waiter gets the lock only then.
#include <pthread.h>

#include <atomic>

#include "procsync.hpp"

namespace {
struct Box {
  pthread_mutex_t lock;
  std::atomic<bool> about_to_lock{false};
};
constexpr double kHoldSeconds = 0.5;  // how long the parent keeps the waiter blocked
}  // namespace

int main() {
  ps::Shared<Box> box;
  pthread_mutexattr_t attr;
  pthread_mutexattr_init(&attr);
  ps::check(pthread_mutexattr_setpshared(&attr, PTHREAD_PROCESS_SHARED) == 0, "setpshared");
  ps::check(pthread_mutex_init(&box->lock, &attr) == 0, "pthread_mutex_init");
  pthread_mutexattr_destroy(&attr);

  ps::check(pthread_mutex_lock(&box->lock) == 0, "pthread_mutex_lock");
  ps::say("parent: holds the lock");

  ps::Child waiter([&] {
    ps::say("waiter: locking");
    box->about_to_lock = true;
    const int rc = pthread_mutex_lock(&box->lock);
    ps::say("waiter: pthread_mutex_lock returned ", rc == 0 ? "0" : ps::errno_name(rc));
    if (rc == 0) pthread_mutex_unlock(&box->lock);
    return 0;
  });

  ps::await([&] { return box->about_to_lock.load(); }, "the waiter to be about to lock");
  ps::check(ps::wait_for_state(waiter.pid(), "S", 3.0), "waiter never blocked");
  ps::say("parent: waiter is blocked in pthread_mutex_lock");
  ps::sleep_for(kHoldSeconds);
  ps::say("parent: unlocking");
  ps::check(pthread_mutex_unlock(&box->lock) == 0, "pthread_mutex_unlock");
  ps::say("parent: waiter ", waiter.wait().describe());
  pthread_mutex_destroy(&box->lock);
  return 0;
}
