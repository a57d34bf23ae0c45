// EVT-08, std::condition_variable flavour: an event for threads of one process (Python's
// threading.Event) built from std::mutex, std::condition_variable and a flag. One run shows
// the event rules in this flavour: new is clear, a timed wait on it times out, set wakes
// every blocked thread at once, a wait on the set event returns at once, and clear makes
// waits block again.
#include <array>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "procsync.hpp"

namespace {
constexpr int kWaiters = 3;
constexpr double kTimeoutSeconds = 0.3;  // the timed waits that must run out
constexpr double kLongTimeout = 2.0;     // a timed wait that must not be needed
constexpr double kHoldSeconds = 0.5;     // the waiters stay blocked this long

class Event {
 public:
  void set() {
    {
      std::lock_guard lock(mutex_);
      flag_ = true;
    }
    cv_.notify_all();
  }
  void clear() {
    std::lock_guard lock(mutex_);
    flag_ = false;
  }
  bool is_set() {
    std::lock_guard lock(mutex_);
    return flag_;
  }
  bool wait() {
    std::unique_lock lock(mutex_);
    ++waiters_;
    cv_.wait(lock, [this] { return flag_; });
    --waiters_;
    return true;
  }
  // wait_for measures on std::chrono::steady_clock, so wall-clock changes do not matter.
  bool wait_for(double seconds) {
    std::unique_lock lock(mutex_);
    ++waiters_;
    const bool woke =
        cv_.wait_for(lock, std::chrono::duration<double>(seconds), [this] { return flag_; });
    --waiters_;
    return woke;
  }
  int waiters() {
    std::lock_guard lock(mutex_);
    return waiters_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable cv_;
  bool flag_ = false;
  int waiters_ = 0;  // threads inside wait/wait_for: with the thread state, proves blocking
};
}  // namespace

int main() {
  Event event;
  // A timed wait that must run out, and whether it lasted its whole timeout (measured here:
  // the harness sees a line only late, never a wait that started late and ended early).
  auto runs_out = [&](double seconds) {
    const double start = ps::monotonic_seconds();
    const bool woke = event.wait_for(seconds);
    const bool whole = ps::monotonic_seconds() - start >= seconds;
    return std::string(woke ? "true" : "false") + (whole ? ", not before" : ", before") +
           " the timeout";
  };
  ps::say("new event: is_set ", event.is_set());
  ps::say("wait_for(0.3) on the clear event returned ", runs_out(kTimeoutSeconds));

  std::array<std::thread, kWaiters> waiters;
  for (int i = 0; i < kWaiters; ++i) {
    const int n = i + 1;
    std::atomic<pid_t> tid{0};
    waiters[i] = std::thread([&event, &tid, n] {
      tid = ps::this_thread_id();
      const bool woke = event.wait();
      ps::say("waiter ", n, ": wait returned ", woke);
    });
    ps::await([&] { return tid != 0 && event.waiters() >= n; }, "the waiter to be inside wait");
    ps::check(ps::wait_for_thread_state(tid, "S"), "waiter never blocked");
    ps::say("waiter ", n, " is blocked in wait");
  }
  ps::sleep_for(kHoldSeconds);
  ps::say("setting the event");
  event.set();
  for (auto& t : waiters) t.join();
  ps::say("joined the waiters");

  ps::say("is_set ", event.is_set());
  ps::say("wait_for(2) on the set event returned ", event.wait_for(kLongTimeout));
  event.clear();
  ps::say("cleared: is_set ", event.is_set());
  ps::say("wait_for(0.3) after clear returned ", runs_out(kTimeoutSeconds));
  return 0;
}
