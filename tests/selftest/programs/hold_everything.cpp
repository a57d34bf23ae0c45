// Holds one of every object a run may leave, and processes that outlive it: a named
// semaphore and a shared memory object in /dev/shm, a tagged System V semaphore set, a file
// in the work directory, a grandchild in a session of its own and a stopped child. Then it
// blocks for good: the harness, killed outright meanwhile, must leave none of these behind
// (at once, or by the next run's sweep).
#include <fcntl.h>
#include <semaphore.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/sem.h>
#include <unistd.h>

#include <csignal>

#include "procsync.hpp"

int main() {
  sem_t* s = sem_open(ps::object_name("held").c_str(), O_CREAT | O_EXCL, 0600, 0);
  ps::check(s != SEM_FAILED, "sem_open");
  const int shm = shm_open(ps::object_name("held_shm").c_str(), O_CREAT | O_EXCL | O_RDWR, 0600);
  ps::check(shm >= 0, "shm_open");
  ps::check(semget(ps::sysv_key(0), 1, IPC_CREAT | IPC_EXCL | 0600) >= 0, "semget");
  ps::WorkFile file("held");
  if (fork() == 0) {
    if (fork() == 0) {
      setsid();
      for (;;) pause();
    }
    _exit(0);  // the grandchild becomes an orphan
  }
  if (fork() == 0) {
    raise(SIGSTOP);
    for (;;) pause();
  }
  ps::say("holding everything");
  for (;;) pause();
}
