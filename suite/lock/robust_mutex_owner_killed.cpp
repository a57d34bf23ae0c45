// LCK-05: a robust, process-shared mutex whose holder is killed by SIGKILL. The next taker's
// lock succeeds with EOWNERDEAD; after pthread_mutex_consistent and an unlock, another
// process locks it normally. A second mutex, unlocked by its taker without being made
// consistent, is then unusable: every later lock fails with ENOTRECOVERABLE.
#include <pthread.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>

#include "procsync.hpp"

namespace {
struct Box {
  pthread_mutex_t recovered;  // the taker makes it consistent
  pthread_mutex_t abandoned;  // the taker unlocks it as it found it
  std::atomic<bool> held{false};
};

const char* result(int rc) {
  return rc == 0 ? "0" : ps::errno_name(rc);
}

// The pthread calls return the error number instead of setting errno.
void need(int rc, const char* what, ps::Where where = ps::Where::current()) {
  if (rc == 0) return;
  errno = rc;
  ps::fail(what, where);
}

void init_robust(pthread_mutex_t& m) {
  pthread_mutexattr_t attr;
  pthread_mutexattr_init(&attr);
  need(pthread_mutexattr_setpshared(&attr, PTHREAD_PROCESS_SHARED), "setpshared");
  need(pthread_mutexattr_setrobust(&attr, PTHREAD_MUTEX_ROBUST), "setrobust");
  const int rc = pthread_mutex_init(&m, &attr);
  // glibc answers ENOTSUP when the kernel refused its robust list at start-up (on targets
  // whose glibc checks, e.g. riscv64 under qemu-user): the platform says it lacks the facility.
  if (rc == ENOTSUP)
    ps::unsupported("pthread_mutex_init of a robust, process-shared mutex failed: ENOTSUP");
  need(rc, "pthread_mutex_init");
  pthread_mutexattr_destroy(&attr);
}

// A later lock, from a process that had nothing to do with the death.
void lock_from_another_process(pthread_mutex_t& m, const char* name) {
  ps::Child next([&] {
    const int rc = pthread_mutex_lock(&m);
    ps::say("another process: lock ", name, " returned ", result(rc));
    if (rc == 0) pthread_mutex_unlock(&m);
    return 0;
  });
  next.wait();
}
}  // namespace

int main() {
  ps::Shared<Box> box;
  init_robust(box->recovered);
  init_robust(box->abandoned);

  ps::Child holder([&]() -> int {
    need(pthread_mutex_lock(&box->recovered), "lock recovered");
    need(pthread_mutex_lock(&box->abandoned), "lock abandoned");
    ps::say("holder: holds both mutexes");
    box->held = true;
    for (;;) pause();
  });
  ps::await([&] { return box->held.load(); }, "the owner to take the mutex");
  holder.kill(SIGKILL);
  ps::say("parent: holder ", holder.wait().describe());

  ps::say("parent: lock recovered returned ", result(pthread_mutex_lock(&box->recovered)));
  ps::say("parent: pthread_mutex_consistent returned ",
          result(pthread_mutex_consistent(&box->recovered)));
  ps::say("parent: unlock recovered returned ", result(pthread_mutex_unlock(&box->recovered)));
  lock_from_another_process(box->recovered, "recovered");

  ps::say("parent: lock abandoned returned ", result(pthread_mutex_lock(&box->abandoned)));
  ps::say("parent: unlock abandoned without pthread_mutex_consistent returned ",
          result(pthread_mutex_unlock(&box->abandoned)));
  lock_from_another_process(box->abandoned, "abandoned");
  ps::say("parent: lock abandoned returned ", result(pthread_mutex_lock(&box->abandoned)));

  pthread_mutex_destroy(&box->recovered);
  pthread_mutex_destroy(&box->abandoned);
  return 0;
}
