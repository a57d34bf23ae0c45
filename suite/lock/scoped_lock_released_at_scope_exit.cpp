// LCK-04: a scoped lock (Python's `with lock:`) is released when its scope ends, also when an
// exception leaves the scope: std::lock_guard on one std::mutex, std::scoped_lock on two.
// Whether a mutex is free is asked from another thread (a try_lock by the owner itself would
// be undefined behaviour).
#include <mutex>
#include <stdexcept>
#include <thread>

#include "procsync.hpp"

namespace {
std::mutex g_a;
std::mutex g_b;

// Whether another thread can take the mutex now; it gives it back at once. try_lock may
// fail spuriously ([thread.mutex.requirements.mutex]), so a free mutex gets a few tries.
bool free_for_another_thread(std::mutex& m) {
  constexpr int kTries = 100;
  bool got = false;
  std::thread other([&] {
    for (int i = 0; i < kTries && !got; ++i) got = m.try_lock();
    if (got) m.unlock();
  });
  other.join();
  return got;
}
}  // namespace

int main() {
  {
    const std::lock_guard guard(g_a);
    ps::say("lock_guard: inside the scope, another thread's try_lock: ",
            free_for_another_thread(g_a));
  }
  ps::say("lock_guard: after the scope, another thread's try_lock: ", free_for_another_thread(g_a));
  try {
    const std::lock_guard guard(g_a);
    throw std::runtime_error("thrown while locked");
  } catch (const std::runtime_error& e) {
    // The guard was destroyed while the exception left its scope, before this handler ran.
    ps::say("lock_guard: caught \"", e.what(),
            "\", another thread's try_lock: ", free_for_another_thread(g_a));
  }

  {
    const std::scoped_lock guard(g_a, g_b);
    ps::say("scoped_lock: inside the scope, another thread's try_lock: a ",
            free_for_another_thread(g_a), ", b ", free_for_another_thread(g_b));
  }
  ps::say("scoped_lock: after the scope, another thread's try_lock: a ",
          free_for_another_thread(g_a), ", b ", free_for_another_thread(g_b));
  try {
    const std::scoped_lock guard(g_a, g_b);
    throw std::runtime_error("thrown while locked");
  } catch (const std::runtime_error& e) {
    ps::say("scoped_lock: caught \"", e.what(), "\", another thread's try_lock: a ",
            free_for_another_thread(g_a), ", b ", free_for_another_thread(g_b));
  }
  return 0;
}
