// Violates LCK-10: no thread is told it is the serial thread (every call returns 0).
#include <pthread.h>

#include <array>
#include <atomic>
#include <barrier>
#include <cstdlib>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <thread>

#include "procsync.hpp"

namespace {
constexpr int kThreads = 3;
constexpr int kRounds = 2;
constexpr double kHoldSeconds = 0.5;  // the first two stay blocked this long

// Ends the program at once: threads may still be blocked in the barrier, so nothing is joined.
[[noreturn]] void give_up(const std::string& what) {
  ps::say("error: ", what);
  std::_Exit(1);
}

// One flavour: the wait's name, the wait itself (true when this thread was told it is the
// serial thread), and the summary line of a round.
struct Flavour {
  const char* call;
  std::function<bool()> wait;
  std::function<std::string(int serial)> summary;
};

void run_round(const Flavour& f, int round) {
  std::array<std::atomic<pid_t>, kThreads> tids{};
  std::atomic<int> serial{0};
  std::array<std::unique_ptr<std::thread>, kThreads> threads;
  for (int i = 0; i < kThreads; ++i) {
    if (i == kThreads - 1) ps::sleep_for(kHoldSeconds);
    threads[i] = std::make_unique<std::thread>([&, i] {
      ps::say("thread ", i + 1, ": ", f.call);
      tids[i] = ps::this_thread_id();
      if (f.wait()) serial.fetch_add(1);
      ps::say("thread ", i + 1, ": released");
    });
    if (i < kThreads - 1) {
      ps::await([&] { return tids[i] != 0; }, "thread " + std::to_string(i + 1) + " to start", 5);
      if (!ps::wait_for_thread_state(tids[i], "S", 5))
        give_up("thread " + std::to_string(i + 1) + " never blocked in " + f.call);
      ps::say("main: thread ", i + 1, " is blocked in ", f.call);
    }
  }
  for (auto& t : threads) t->join();
  ps::say("round ", round, ": ", f.summary(serial));
}
}  // namespace

int main(int argc, char** argv) {
  const std::string_view flavour = argc > 1 ? argv[1] : "";
  if (flavour == "pthread") {
    static pthread_barrier_t barrier;
    ps::check_rc(pthread_barrier_init(&barrier, nullptr, kThreads), "pthread_barrier_init");
    const Flavour f{"pthread_barrier_wait",
                    [] {
                      const int rc = pthread_barrier_wait(&barrier);
                      if (rc != 0 && rc != PTHREAD_BARRIER_SERIAL_THREAD) {
                        ps::say("pthread_barrier_wait failed: ", ps::errno_name(rc));
                      }
                      return false;  // the violation: the serial result is dropped
                    },
                    [](int serial) {
                      return "PTHREAD_BARRIER_SERIAL_THREAD returned to " + std::to_string(serial) +
                             " of " + std::to_string(kThreads) + " threads";
                    }};
    for (int round = 1; round <= kRounds; ++round) run_round(f, round);
    pthread_barrier_destroy(&barrier);
    return 0;
  }
  if (flavour == "std") {
    // The completion function counts its runs; each thread checks on release that it ran.
    static std::atomic<int> completions{0};
    static std::atomic<int> released_before_completion{0};
    static std::barrier barrier(kThreads, []() noexcept { completions.fetch_add(1); });
    const Flavour f{"arrive_and_wait()",
                    [] {
                      barrier.arrive_and_wait();
                      if (completions == 0) released_before_completion.fetch_add(1);
                      return false;
                    },
                    [](int) {
                      return "completion function ran " + std::to_string(completions.exchange(0)) +
                             " time(s); threads released before it ran: " +
                             std::to_string(released_before_completion.exchange(0));
                    }};
    // Each round's summary resets the counts, so a thread released before this round's
    // completion step sees 0.
    for (int round = 1; round <= kRounds; ++round) run_round(f, round);
    return 0;
  }
  ps::say("usage: barrier_releases_together pthread|std");
  return 2;
}
