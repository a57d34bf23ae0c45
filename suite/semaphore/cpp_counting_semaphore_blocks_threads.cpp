// SEM-10 (blocking): with std::counting_semaphore at zero, acquire() blocks a thread until
// another thread releases, and returns only then; with 3 threads blocked, release(1) lets
// exactly one through and release(2) the other two. Every thread is proven asleep before the
// main thread holds and releases, so a thread that passed too early shows up before the
// release.
#include <atomic>
#include <semaphore>
#include <thread>
#include <vector>

#include "procsync.hpp"

namespace {
constexpr int kThreads = 3;
constexpr double kHoldSeconds = 0.3;  // between proving the state and acting on it
// release() may wake every waiter (libstdc++ 12 does, even for release(1)); the ones that
// lose the count go back to sleep, after spinning with sched_yield, which under load can
// outlast kHoldSeconds. They must not pass, and must be asleep again within this bound.
constexpr double kResettleSeconds = 1.0;

std::counting_semaphore<8> g_sem{0};
std::atomic<int> g_passed{0};
std::atomic<pid_t> g_tid[kThreads] = {};
std::atomic<bool> g_acquired[kThreads] = {};

void wait_until_passed(int n) {
  ps::await([&] { return g_passed.load() >= n; }, "the woken threads to pass");
}

// How many threads have not acquired and are asleep ('S'), each given kResettleSeconds.
int asleep() {
  int n = 0;
  for (int i = 0; i < kThreads; ++i)
    if (!g_acquired[i].load() &&
        ps::wait_for_thread_state(g_tid[i].load(), "S", kResettleSeconds) && !g_acquired[i].load())
      ++n;
  return n;
}
}  // namespace

int main() {
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([i] {
      g_tid[i] = ps::this_thread_id();
      g_sem.acquire();
      ps::say("thread ", i, ": acquired");
      g_acquired[i] = true;
      ++g_passed;
    });
    ps::await([&] { return g_tid[i].load() != 0; }, "every thread to start");
    ps::check(ps::wait_for_thread_state(g_tid[i].load(), "S"), "thread never blocked");
    ps::say("main: thread ", i, " is asleep in acquire() at 0");
  }

  ps::sleep_for(kHoldSeconds);
  ps::say("main: release(1)");
  g_sem.release(1);
  wait_until_passed(1);

  ps::sleep_for(kHoldSeconds);
  const int sleeping = asleep();  // first: a thread passing meanwhile shows in the count
  ps::say("main: ", g_passed.load(), " passed, ", sleeping, " still asleep in acquire()");
  ps::say("main: release(2)");
  g_sem.release(2);
  for (auto& t : threads) t.join();
  ps::say("main: ", g_passed.load(), " passed");
  return 0;
}
