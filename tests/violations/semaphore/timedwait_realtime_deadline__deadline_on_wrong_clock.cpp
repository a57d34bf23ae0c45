// Violates SEM-05: the deadline is taken on CLOCK_MONOTONIC but sem_timedwait reads it on
// CLOCK_REALTIME, where it lies decades in the past, so the wait "times out" at once.
#include <semaphore.h>

#include <ctime>

#include "procsync.hpp"

int main() {
  ps::Shared<sem_t> sem;
  sem_init(sem.get(), 1, 0);
  ps::say("sem_timedwait at 0, deadline already past: ETIMEDOUT");
  const timespec deadline = ps::deadline_in(CLOCK_MONOTONIC, 0.5);
  ps::say("sem_timedwait at 0 until CLOCK_REALTIME + 0.5 s");
  const int rc = sem_timedwait(sem.get(), &deadline);
  ps::say("sem_timedwait: ", rc == 0 ? "returned 0" : ps::errno_name(errno));
  ps::say("CLOCK_REALTIME at the return is at or past the deadline: yes");
  ps::say("value 0");
  ps::say("sem_timedwait at 1, deadline already past: returned 0");
  ps::say("value 0");
  return 0;
}
