// EVT-08, std::atomic wait/notify flavour: an event for threads made of one std::atomic
// flag: set = store true + notify_all, clear = store false, is_set = load, wait = atomic
// wait until true. C++20 atomic waits have no timeout, so this flavour has no timed wait.
// One run shows: new is clear, set wakes every blocked thread at once, a wait on the set
// event returns at once, and clear makes a later wait block until the next set.
#include <array>
#include <atomic>
#include <thread>

#include "procsync.hpp"

namespace {
constexpr int kWaiters = 3;
constexpr double kHoldSeconds = 0.5;  // each blocked phase lasts this long

class AtomicEvent {
 public:
  void set() {
    flag_.store(true);
    flag_.notify_all();
  }
  void clear() { flag_.store(false); }
  bool is_set() const { return flag_.load(); }
  bool wait() const {
    // atomic::wait returns when the value is no longer false, or spuriously: loop.
    while (!flag_.load()) flag_.wait(false);
    return true;
  }

 private:
  std::atomic<bool> flag_{false};
};

// Starts a thread that waits on the event and proves it asleep (after it published its
// thread id it does nothing but wait). A wait that has not blocked yet is no proof: the
// state must read S.
std::thread start_waiter(AtomicEvent& event, const char* name) {
  std::atomic<pid_t> tid{0};
  std::thread t([&event, &tid, name] {
    tid = ps::this_thread_id();
    const bool woke = event.wait();
    ps::say(name, ": wait returned ", woke);
  });
  ps::await([&] { return tid != 0; }, "the waiter to start");
  ps::check(ps::wait_for_thread_state(tid, "S"), "waiter never blocked");
  ps::say(name, " is blocked in wait");
  return t;
}
}  // namespace

int main() {
  AtomicEvent event;
  ps::say("new event: is_set ", event.is_set());

  const char* const names[kWaiters] = {"waiter 1", "waiter 2", "waiter 3"};
  std::array<std::thread, kWaiters> waiters;
  for (int i = 0; i < kWaiters; ++i) waiters[i] = start_waiter(event, names[i]);
  ps::sleep_for(kHoldSeconds);
  ps::say("setting the event");
  event.set();
  for (auto& t : waiters) t.join();
  ps::say("joined the waiters");

  ps::say("is_set ", event.is_set());
  ps::say("wait on the set event returned ", event.wait());
  event.clear();
  ps::say("cleared: is_set ", event.is_set());

  std::thread late = start_waiter(event, "waiter 4");
  ps::sleep_for(kHoldSeconds);
  ps::say("setting the event again");
  event.set();
  late.join();
  return 0;
}
