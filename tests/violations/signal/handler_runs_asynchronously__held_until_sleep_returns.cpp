// Violates SIG-24: a signal that comes during a blocking sleep is held until the sleep
// returns, and only then is the handler run (as from a main loop that looks for signals
// between ticks): SIGUSR1's line comes 1.75 s late, just before tick 1.
#include <atomic>
#include <cerrno>
#include <csignal>
#include <ctime>

#include "procsync.hpp"

namespace {
constexpr double kTick1 = 2.0;
constexpr double kTick2 = 3.0;
// How long the handler watches the progress counter: long enough for a computation that
// was not interrupted to move it even on a loaded runner.
constexpr double kHandlerWatch = 0.1;

// Only main writes it; the handler reads it. Lock-free, so usable in a handler.
std::atomic<unsigned long> progress{0};
static_assert(std::atomic<unsigned long>::is_always_lock_free);
volatile std::sig_atomic_t in_computation = 0;
std::atomic<unsigned long> seen_on_entry{0};
std::atomic<unsigned long> seen_on_exit{0};
std::atomic<bool> computation_handled{false};

double seconds_on(const timespec& t) {
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

void on_signal(int sig) {
  const int saved = errno;
  ps::say_safe("handler: caught ", ps::signal_name(sig));
  if (in_computation) {
    seen_on_entry.store(progress.load(std::memory_order_relaxed));
    // clock_gettime is async-signal-safe.
    const double until = seconds_on(ps::clock_now(CLOCK_MONOTONIC)) + kHandlerWatch;
    while (seconds_on(ps::clock_now(CLOCK_MONOTONIC)) < until) {
    }
    seen_on_exit.store(progress.load(std::memory_order_relaxed));
    computation_handled.store(true);
  }
  errno = saved;
}

// Sleeps until `offset` seconds after `start` on CLOCK_MONOTONIC, resuming after handlers.
void sleep_until(const timespec& start, double offset) {
  const timespec when = ps::later(start, offset);
  int rc;
  while ((rc = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &when, nullptr)) == EINTR) {
  }
  ps::check_rc(rc, "clock_nanosleep");
}

const char* yes_no(bool b) {
  return b ? "yes" : "no";
}
}  // namespace

int main() {
  ps::install(SIGUSR1, on_signal);
  ps::install(SIGUSR2, on_signal);
  const timespec start = ps::clock_now(CLOCK_MONOTONIC);
  // An int, not a bool: riscv64 has no byte-wide atomic instructions, so GCC 12 does not
  // promise a lock-free std::atomic<bool> there; only a lock-free one works between processes.
  ps::Shared<std::atomic<int>> stop{0};
  static_assert(std::atomic<int>::is_always_lock_free);
  // Ends the computation at tick 2 from outside, so that the computation needs no call.
  ps::Child stopper([&] {
    sleep_until(start, kTick2);
    stop->store(1);
    return 0;
  });

  ps::say("main: tick 0, sleeping until tick 1");
  {
    // The deviation: signals that come during a blocking sleep are held until it returns.
    ps::BlockedSignals held{SIGUSR1, SIGUSR2};
    sleep_until(start, kTick1);
  }
  ps::say("main: tick 1, computing until tick 2");
  in_computation = 1;
  while (!stop->load(std::memory_order_relaxed)) {
    progress.store(progress.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
  }
  in_computation = 0;
  const unsigned long final_progress = progress.load();
  ps::say("main: tick 2");
  // A platform that held the signal until now delivers it here: the lines below say so.
  in_computation = 1;
  ps::await([] { return computation_handled.load(); }, "SIGUSR2's handler");
  in_computation = 0;
  ps::say("main: the computation stood still while the handler ran: ",
          yes_no(seen_on_entry.load() == seen_on_exit.load()));
  ps::say("main: the computation went on after the handler: ",
          yes_no(final_progress > seen_on_exit.load()));
  ps::check(stopper.wait().exited(), "the stopping child");
  return 0;
}
