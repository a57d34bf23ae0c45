// Violates SEM-05: the timed wait gives up at half its timeout (a platform whose timed wait
// rounds the deadline down or fires early), while reporting the usual lines.
#include <semaphore.h>

#include <ctime>

#include "procsync.hpp"

int main() {
  ps::Shared<sem_t> sem;
  sem_init(sem.get(), 1, 0);
  ps::say("sem_clockwait at 0, deadline already past: ETIMEDOUT");
  const timespec deadline = ps::deadline_in(CLOCK_MONOTONIC, 0.25);
  ps::say("sem_clockwait at 0 until CLOCK_MONOTONIC + 0.5 s");
  const int rc = sem_clockwait(sem.get(), CLOCK_MONOTONIC, &deadline);
  ps::say("sem_clockwait: ", rc == 0 ? "returned 0" : ps::errno_name(errno));
  ps::say("CLOCK_MONOTONIC at the return is at or past the deadline: yes");
  ps::say("value 0");
  ps::say("sem_clockwait at 1, deadline already past: returned 0");
  ps::say("value 0");
  return 0;
}
