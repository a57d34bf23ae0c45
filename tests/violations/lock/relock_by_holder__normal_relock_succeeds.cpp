// Violates LCK-03: the "normal" mutex behaves as a recursive one: the holder's relock
// succeeds at once instead of blocking until its deadline.
#include <pthread.h>

#include <ctime>

#include "procsync.hpp"

int main() {
  pthread_mutexattr_t attr;
  pthread_mutexattr_init(&attr);
  pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
  pthread_mutex_t m;
  pthread_mutex_init(&m, &attr);
  ps::say("normal: lock returned ", pthread_mutex_lock(&m));
  ps::say("normal: relocking with a deadline ", 0.5, " s away");
  const timespec deadline = ps::deadline_in(CLOCK_REALTIME, 1.0);
  ps::say("normal: timed relock returned ", pthread_mutex_timedlock(&m, &deadline));
  ps::say("normal: CLOCK_REALTIME at the return is at or past the deadline: yes");
  ps::say("normal: unlock returned ", pthread_mutex_unlock(&m));
  ps::say("errorcheck: lock returned 0");
  ps::say("errorcheck: relock returned EDEADLK");
  ps::say("errorcheck: timed relock returned EDEADLK");
  ps::say("errorcheck: unlock returned 0");
  return 0;
}
