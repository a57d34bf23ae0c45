// Violates SEM-10: try_acquire_for gives up 0.1 s before its timeout (a library that waits on
// a coarse clock). The line still arrives inside the harness's window; only the program's own
// measure shows it. It also starts 0.15 s late, so that the early return lands inside the
// harness's window: a wait that started late and ended early, which only the program's own
// measure sees.
#include <chrono>
#include <semaphore>

#include "procsync.hpp"

namespace {
constexpr auto kTimeout = std::chrono::milliseconds(500);

const char* yes_no(bool b) {
  return b ? "true" : "false";
}
}  // namespace

int main() {
  std::counting_semaphore<8> sem{2};
  ps::say("std::counting_semaphore<8> constructed with 2; max() >= 8: ",
          yes_no(decltype(sem)::max() >= 8));
  sem.acquire();
  ps::say("acquire() at 2 returned");
  ps::say("try_acquire() at 1: ", yes_no(sem.try_acquire()));
  ps::say("try_acquire() at 0: ", yes_no(sem.try_acquire()));

  ps::sleep_for(0.15);  // the platform starts the wait late: the line stays in its window
  const auto start = std::chrono::steady_clock::now();
  const bool got = sem.try_acquire_for(kTimeout - std::chrono::milliseconds(100));
  const bool not_early = std::chrono::steady_clock::now() - start >= kTimeout;
  ps::say("try_acquire_for(500 ms) at 0: ", yes_no(got));
  ps::say("it waited at least 500 ms: ", yes_no(not_early));

  sem.release();
  ps::say("release(), then try_acquire(): ", yes_no(sem.try_acquire()));
  ps::say("try_acquire() at 0 again: ", yes_no(sem.try_acquire()));
  return 0;
}
