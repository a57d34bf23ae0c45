// Violates SEM-04: the "non-blocking" acquire at zero waits 1.5 s before it reports
// EAGAIN (sem_timedwait in disguise).
#include <semaphore.h>

#include <ctime>

#include "procsync.hpp"

namespace {
void try_at_zero_then_one(const char* flavour, sem_t* sem) {
  const timespec deadline = ps::deadline_in(CLOCK_REALTIME, 1.5);
  while (sem_timedwait(sem, &deadline) != 0 && errno == EINTR) {
  }
  ps::say(flavour, ": sem_trywait at 0 failed EAGAIN");
  ps::say(flavour, ": value after the failed sem_trywait 0");
  sem_post(sem);
  sem_trywait(sem);
  ps::say(flavour, ": sem_trywait at 1 returned 0, value now 0");
}
}  // namespace

int main() {
  ps::Shared<sem_t> a;
  ps::Shared<sem_t> b;
  sem_init(a.get(), 1, 0);
  sem_init(b.get(), 1, 0);
  try_at_zero_then_one("unnamed", a.get());
  try_at_zero_then_one("named", b.get());
  return 0;
}
