// Creates a named semaphore with the run's token and hangs: after the timeout kill the
// harness must remove it from /dev/shm.
#include <fcntl.h>
#include <semaphore.h>

#include "procsync.hpp"
int main() {
  sem_t* s = sem_open(ps::object_name("leak").c_str(), O_CREAT | O_EXCL, 0600, 0);
  ps::check(s != SEM_FAILED, "sem_open");
  ps::say("semaphore created");
  for (;;) pause();
}
