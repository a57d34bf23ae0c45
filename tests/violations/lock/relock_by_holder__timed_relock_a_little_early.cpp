// Violates LCK-03: the timed relock of the normal mutex gives up 0.1 s before its deadline (an
// implementation that turns the absolute deadline into a relative timeout and rounds it down).
// The line still arrives inside the harness's window; only the program's own reading of the
// clock at the return shows it. It also starts 0.15 s late, so that the early return lands
// inside the harness's window: a wait that started late and ended early, which only the
// program's own measure sees.
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
  ps::sleep_for(0.15);  // the platform starts the wait late: the line stays in its window
  const timespec deadline = ps::deadline_in(CLOCK_REALTIME, kDeadlineSeconds);
  const timespec early = ps::later(deadline, -0.1);  // what the platform waits for
  ps::say("normal: timed relock returned ", result(pthread_mutex_timedlock(&normal, &early)));
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
