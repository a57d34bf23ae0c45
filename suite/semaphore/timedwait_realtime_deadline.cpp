// SEM-05 (sem_timedwait): a timed acquire at zero fails with ETIMEDOUT when its absolute
// CLOCK_REALTIME deadline passes, never before it. A deadline already past fails at once,
// unless the semaphore can be taken at once: then it never times out.
#include <semaphore.h>

#include <ctime>

#include "procsync.hpp"

namespace {
constexpr double kTimeoutSeconds = 0.5;  // from now to the deadline
constexpr double kPastSeconds = 0.1;     // how long ago an "already past" deadline was

timespec now_plus(double seconds) {
  timespec t{};
  clock_gettime(CLOCK_REALTIME, &t);
  const long long ns = t.tv_nsec + static_cast<long long>(seconds * 1e9);
  t.tv_sec += static_cast<time_t>(ns / 1000000000LL);
  t.tv_nsec = static_cast<long>(ns % 1000000000LL);
  if (t.tv_nsec < 0) {
    t.tv_nsec += 1000000000L;
    t.tv_sec -= 1;
  }
  return t;
}

bool reached(const timespec& deadline) {
  timespec now{};
  clock_gettime(CLOCK_REALTIME, &now);
  return now.tv_sec > deadline.tv_sec ||
         (now.tv_sec == deadline.tv_sec && now.tv_nsec >= deadline.tv_nsec);
}

// sem_timedwait, resumed if a signal interrupts it; returns 0 or the errno.
int timed_acquire(sem_t* sem, const timespec& deadline) {
  for (;;) {
    if (sem_timedwait(sem, &deadline) == 0) return 0;
    if (errno != EINTR) return errno;
  }
}

const char* outcome(int err) {
  return err == 0 ? "returned 0" : ps::errno_name(err);
}

int value_of(sem_t* sem) {
  int value = -1;
  ps::check(sem_getvalue(sem, &value) == 0, "sem_getvalue");
  return value;
}
}  // namespace

int main() {
  ps::Shared<sem_t> sem;
  ps::check(sem_init(sem.get(), /*pshared=*/1, 0) == 0, "sem_init");

  ps::say("sem_timedwait at 0, deadline already past: ",
          outcome(timed_acquire(sem.get(), now_plus(-kPastSeconds))));

  const timespec deadline = now_plus(kTimeoutSeconds);
  ps::say("sem_timedwait at 0 until CLOCK_REALTIME + 0.5 s");
  const int err = timed_acquire(sem.get(), deadline);
  const bool not_early = reached(deadline);
  ps::say("sem_timedwait: ", outcome(err));
  ps::say("CLOCK_REALTIME at the return is at or past the deadline: ", not_early ? "yes" : "no");
  ps::say("value ", value_of(sem.get()));

  ps::check(sem_post(sem.get()) == 0, "sem_post");
  ps::say("sem_timedwait at 1, deadline already past: ",
          outcome(timed_acquire(sem.get(), now_plus(-kPastSeconds))));
  ps::say("value ", value_of(sem.get()));
  sem_destroy(sem.get());
  return 0;
}
