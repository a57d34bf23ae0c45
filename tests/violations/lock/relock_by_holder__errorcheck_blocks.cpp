// Violates LCK-03: the error-checking mutex detects nothing (it behaves as a normal one):
// the holder's relock blocks until its deadline instead of failing at once with EDEADLK.
#include <pthread.h>

#include <ctime>

#include "procsync.hpp"

namespace {
int timed_relock(pthread_mutex_t& m) {
  const timespec deadline = ps::deadline_in(CLOCK_REALTIME, 0.5);
  return pthread_mutex_timedlock(&m, &deadline);
}
}  // namespace

int main() {
  pthread_mutex_t normal = PTHREAD_MUTEX_INITIALIZER;
  ps::say("normal: lock returned ", pthread_mutex_lock(&normal));
  ps::say("normal: relocking with a deadline ", 0.5, " s away");
  ps::say("normal: timed relock returned ", ps::errno_name(timed_relock(normal)));
  ps::say("normal: CLOCK_REALTIME at the return is at or past the deadline: yes");
  ps::say("normal: unlock returned ", pthread_mutex_unlock(&normal));
  pthread_mutex_t checked = PTHREAD_MUTEX_INITIALIZER;  // not PTHREAD_MUTEX_ERRORCHECK
  ps::say("errorcheck: lock returned ", pthread_mutex_lock(&checked));
  ps::say("errorcheck: relock returned ", ps::errno_name(timed_relock(checked)));
  ps::say("errorcheck: timed relock returned ", ps::errno_name(timed_relock(checked)));
  ps::say("errorcheck: unlock returned ", pthread_mutex_unlock(&checked));
  return 0;
}
