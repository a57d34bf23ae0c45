// LCK-03: a thread that locks a mutex it already holds. A PTHREAD_MUTEX_NORMAL mutex (set
// explicitly: for PTHREAD_MUTEX_DEFAULT the relock is undefined) has no deadlock detection,
// so the relock blocks: a timed relock waits out its whole deadline and fails with
// ETIMEDOUT. A PTHREAD_MUTEX_ERRORCHECK mutex refuses the relock at once with EDEADLK.
#include <pthread.h>

#include <ctime>

#include "procsync.hpp"

namespace {
// The timed relock's deadline, from now; pthread_mutex_timedlock reads it on CLOCK_REALTIME.
constexpr double kDeadlineSeconds = 0.5;

const char* result(int rc) {
  return rc == 0 ? "0" : ps::errno_name(rc);
}

void init_mutex(pthread_mutex_t& m, int type) {
  pthread_mutexattr_t attr;
  pthread_mutexattr_init(&attr);
  ps::check(pthread_mutexattr_settype(&attr, type) == 0, "pthread_mutexattr_settype");
  ps::check(pthread_mutex_init(&m, &attr) == 0, "pthread_mutex_init");
  pthread_mutexattr_destroy(&attr);
}
}  // namespace

int main() {
  pthread_mutex_t normal;
  init_mutex(normal, PTHREAD_MUTEX_NORMAL);
  ps::say("normal: lock returned ", result(pthread_mutex_lock(&normal)));
  ps::say("normal: relocking with a deadline ", kDeadlineSeconds, " s away");
  const timespec deadline = ps::deadline_in(CLOCK_REALTIME, kDeadlineSeconds);
  ps::say("normal: timed relock returned ", result(pthread_mutex_timedlock(&normal, &deadline)));
  // Read here too: the harness sees a line only late, never a wait that ended a little early.
  ps::say("normal: CLOCK_REALTIME at the return is at or past the deadline: ",
          ps::reached(CLOCK_REALTIME, deadline) ? "yes" : "no");
  ps::say("normal: unlock returned ", result(pthread_mutex_unlock(&normal)));
  pthread_mutex_destroy(&normal);

  pthread_mutex_t checked;
  init_mutex(checked, PTHREAD_MUTEX_ERRORCHECK);
  ps::say("errorcheck: lock returned ", result(pthread_mutex_lock(&checked)));
  ps::say("errorcheck: relock returned ", result(pthread_mutex_lock(&checked)));
  const timespec later = ps::deadline_in(CLOCK_REALTIME, kDeadlineSeconds);
  ps::say("errorcheck: timed relock returned ", result(pthread_mutex_timedlock(&checked, &later)));
  ps::say("errorcheck: unlock returned ", result(pthread_mutex_unlock(&checked)));
  pthread_mutex_destroy(&checked);
  return 0;
}
