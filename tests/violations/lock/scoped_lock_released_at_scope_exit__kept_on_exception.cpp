// Violates LCK-04: the lock is released only when its scope ends normally; an exception
// that leaves the scope skips the unlock, so the mutex stays locked afterwards.
#include <mutex>
#include <stdexcept>
#include <thread>

#include "procsync.hpp"

namespace {
std::mutex g_a;

bool free_for_another_thread(std::mutex& m) {
  bool got = false;
  std::thread other([&] {
    got = m.try_lock();
    if (got) m.unlock();
  });
  other.join();
  return got;
}

// Not a guard: the unlock is a statement at the end of the scope.
void locked_section(std::mutex& m, bool fail) {
  m.lock();
  if (fail) throw std::runtime_error("thrown while locked");
  m.unlock();
}
}  // namespace

int main() {
  g_a.lock();
  ps::say("lock_guard: inside the scope, another thread's try_lock: ",
          free_for_another_thread(g_a));
  g_a.unlock();
  ps::say("lock_guard: after the scope, another thread's try_lock: ", free_for_another_thread(g_a));
  try {
    locked_section(g_a, true);
  } catch (const std::runtime_error& e) {
    ps::say("lock_guard: caught \"", e.what(),
            "\", another thread's try_lock: ", free_for_another_thread(g_a));
  }
  ps::say("scoped_lock: inside the scope, another thread's try_lock: a false, b false");
  ps::say("scoped_lock: after the scope, another thread's try_lock: a true, b true");
  ps::say(
      "scoped_lock: caught \"thrown while locked\", another thread's try_lock: a false, b "
      "false");
  return 0;
}
