// Violates LCK-08: a PI mutex that does not exclude: the main thread's trylock succeeds while
// the holder has it (modelled by trying a second, unlocked mutex).
#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <functional>
#include <thread>

#include "procsync.hpp"

namespace {
constexpr double kHoldSeconds = 0.5;  // the waiter stays blocked this long after its handler

std::atomic<int> g_caught{0};

void on_usr1(int sig) {
  ps::say_safe("waiter: caught ", ps::signal_name(sig), " while waiting");
  g_caught.fetch_add(1);
}

// Ends the program at once: threads may still be blocked on the mutex, so nothing is joined.
[[noreturn]] void give_up(const char* what) {
  ps::say("error: ", what);
  std::_Exit(1);
}

const char* result(int rc) {
  return rc == 0 ? "returned 0" : ps::errno_name(rc);
}
}  // namespace

int main() {
  pthread_mutexattr_t attr;
  ps::check_rc(pthread_mutexattr_init(&attr), "pthread_mutexattr_init");
  const int set = pthread_mutexattr_setprotocol(&attr, PTHREAD_PRIO_INHERIT);
  if (set == ENOTSUP)
    ps::unsupported("pthread_mutexattr_setprotocol(PTHREAD_PRIO_INHERIT): ENOTSUP");
  ps::check_rc(set, "pthread_mutexattr_setprotocol");
  pthread_mutex_t mutex;
  ps::check_rc(pthread_mutex_init(&mutex, &attr), "pthread_mutex_init");
  int protocol = -1;
  ps::check_rc(pthread_mutexattr_getprotocol(&attr, &protocol), "getprotocol");
  ps::say("mutex protocol: ", protocol == PTHREAD_PRIO_INHERIT ? "PTHREAD_PRIO_INHERIT" : "other");
  pthread_mutexattr_destroy(&attr);
  ps::install(SIGUSR1, on_usr1);  // no SA_RESTART: the handler interrupts the wait

  std::atomic<bool> held{false}, release{false}, waiter_holds{false}, waiter_release{false};
  std::atomic<pid_t> waiter_tid{0};

  std::thread holder([&] {
    ps::say("holder: pthread_mutex_lock ", result(pthread_mutex_lock(&mutex)));
    held = true;
    ps::await([&] { return release.load(); }, "main to release the holder", 20);
    ps::say("holder: pthread_mutex_unlock ", result(pthread_mutex_unlock(&mutex)));
  });
  ps::await([&] { return held.load(); }, "the holder to lock", 5);
  pthread_mutex_t other = PTHREAD_MUTEX_INITIALIZER;
  ps::say("main: pthread_mutex_trylock while the holder has it: ",
          result(pthread_mutex_trylock(&other)));
  pthread_mutex_unlock(&other);

  std::thread waiter([&] {
    ps::say("waiter: pthread_mutex_lock");
    waiter_tid = ps::this_thread_id();
    const int rc = pthread_mutex_lock(&mutex);
    ps::say("waiter: pthread_mutex_lock ", result(rc));
    if (rc != 0) return;
    waiter_holds = true;
    ps::await([&] { return waiter_release.load(); }, "main to release the waiter", 20);
    ps::say("waiter: pthread_mutex_unlock ", result(pthread_mutex_unlock(&mutex)));
  });
  ps::await([&] { return waiter_tid != 0; }, "the waiter to start", 5);
  if (!ps::wait_for_thread_state(waiter_tid, "S", 5))
    give_up("the waiter never blocked in pthread_mutex_lock");
  ps::say("main: the waiter is blocked in pthread_mutex_lock; sending it SIGUSR1");
  ps::check_rc(pthread_kill(waiter.native_handle(), SIGUSR1), "pthread_kill");
  ps::await([] { return g_caught == 1; }, "the waiter's handler to run", 5);
  // Blocked again: the wait resumed after the handler (or the lock returned, which the
  // waiter's own line then shows early).
  if (!ps::wait_for_thread_state(waiter_tid, "S", 5)) give_up("the waiter never blocked again");
  ps::say("main: after its handler the waiter is blocked again");
  ps::sleep_for(kHoldSeconds);
  ps::say("main: letting the holder unlock");
  release = true;
  holder.join();
  ps::await([&] { return waiter_holds.load(); }, "the waiter to get the mutex", 5);
  ps::say("main: pthread_mutex_trylock while the waiter has it: ",
          result(pthread_mutex_trylock(&mutex)));
  waiter_release = true;
  waiter.join();
  const int rc = pthread_mutex_trylock(&mutex);
  ps::say("main: pthread_mutex_trylock after both unlocked: ", result(rc));
  if (rc == 0) pthread_mutex_unlock(&mutex);
  pthread_mutex_destroy(&mutex);
  return 0;
}
