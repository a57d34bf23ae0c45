// Violates SEM-05 (sem_clockwait): the wait gives up 0.1 s before its deadline (an
// implementation that converts the absolute deadline to a relative timeout and rounds it
// down). The line still arrives inside the harness's window; only the program's own reading of
// the clock at the return shows it. It also starts 0.15 s late, so that the early return lands
// inside the harness's window: a wait that started late and ended early, which only the
// program's own measure sees.
#include <semaphore.h>

#include <ctime>

#include "procsync.hpp"

namespace {
constexpr double kTimeoutSeconds = 0.5;        // from now to the deadline
constexpr double kPastSeconds = 0.1;           // how long ago an "already past" deadline was
constexpr clockid_t kClock = CLOCK_MONOTONIC;  // the clock the deadline is read on

// sem_clockwait, resumed if a signal interrupts it; returns 0 or the errno.
int timed_acquire(sem_t* sem, const timespec& deadline) {
  for (;;) {
    if (sem_clockwait(sem, kClock, &deadline) == 0) return 0;
    if (errno != EINTR) return errno;
  }
}

const char* outcome(int err) {
  return err == 0 ? "returned 0" : ps::errno_name(err);
}
}  // namespace

int main() {
  ps::Shared<sem_t> sem;
  ps::check(sem_init(sem.get(), /*pshared=*/1, 0) == 0, "sem_init");

  ps::say("sem_clockwait at 0, deadline already past: ",
          outcome(timed_acquire(sem.get(), ps::deadline_in(kClock, -kPastSeconds))));

  ps::sleep_for(0.15);  // the platform starts the wait late: the line stays in its window

  const timespec deadline = ps::deadline_in(kClock, kTimeoutSeconds);
  ps::say("sem_clockwait at 0 until CLOCK_MONOTONIC + 0.5 s");
  const int err = timed_acquire(sem.get(), ps::later(deadline, -0.1));
  const bool not_early = ps::reached(kClock, deadline);
  ps::say("sem_clockwait: ", outcome(err));
  ps::say("CLOCK_MONOTONIC at the return is at or past the deadline: ", not_early ? "yes" : "no");
  ps::say("value ", ps::sem_value(sem.get()));

  ps::check(sem_post(sem.get()) == 0, "sem_post");
  ps::say("sem_clockwait at 1, deadline already past: ",
          outcome(timed_acquire(sem.get(), ps::deadline_in(kClock, -kPastSeconds))));
  ps::say("value ", ps::sem_value(sem.get()));
  sem_destroy(sem.get());
  return 0;
}
