// THR-10: std::jthread joins at scope exit, and can be asked to stop. Its destructor first
// requests a stop through the thread's std::stop_token and then joins: a worker blocked in a
// stop-aware wait (condition_variable_any::wait with the token) wakes and ends.
//
// g++ 12 warns falsely (-Wmaybe-uninitialized) inside <stop_token> wherever a jthread is
// constructed: libstdc++'s stop_source() passes *this to a constructor that never reads it.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <stop_token>
#include <thread>

#include "procsync.hpp"

namespace {
constexpr double kWorkSeconds = 0.3;  // how long the first worker works
constexpr double kHoldSeconds = 0.3;  // how long main keeps the second worker waiting
std::atomic<bool> g_started{false};
std::atomic<pid_t> g_tid{0};
}  // namespace

int main() {
  {
    std::jthread worker([] {
      ps::say("worker 1: started");
      g_started = true;
      ps::sleep_for(kWorkSeconds);
      ps::say("worker 1: done");
    });
    ps::await([&] { return g_started.load(); }, "the thread to start");
    ps::say("main: leaving scope 1 while worker 1 runs");
  }  // ~jthread: request_stop() (unheeded here), then join()
  ps::say("main: scope 1 left");

  std::mutex m;
  std::condition_variable_any cv;
  {
    std::jthread worker([&](std::stop_token st) {
      std::unique_lock lock(m);
      ps::say("worker 2: waiting for a stop request");
      g_tid = ps::this_thread_id();
      // Returns when the predicate holds or a stop is requested; the predicate never holds.
      cv.wait(lock, st, [] { return false; });
      ps::say("worker 2: woke, stop requested: ", st.stop_requested());
    });
    ps::await([&] { return g_tid != 0; }, "the thread to start");
    ps::check(ps::wait_for_thread_state(g_tid, "S"), "worker 2 never blocked");
    ps::say("main: worker 2 is blocked");
    ps::sleep_for(kHoldSeconds);
    ps::say("main: leaving scope 2");
  }  // ~jthread: request_stop() wakes worker 2, then join()
  ps::say("main: scope 2 left");
  return 0;
}
