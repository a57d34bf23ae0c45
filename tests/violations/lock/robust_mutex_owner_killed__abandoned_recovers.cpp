// Violates LCK-05: unlocking an inconsistent robust mutex without pthread_mutex_consistent
// leaves it usable (here the taker quietly makes it consistent), so later locks return 0
// instead of ENOTRECOVERABLE.
#include <pthread.h>
#include <unistd.h>

#include <atomic>
#include <csignal>

#include "procsync.hpp"

namespace {
struct Box {
  pthread_mutex_t m;
  std::atomic<bool> held{false};
};
const char* result(int rc) {
  return rc == 0 ? "0" : ps::errno_name(rc);
}
}  // namespace

int main() {
  ps::Shared<Box> box;
  pthread_mutexattr_t attr;
  pthread_mutexattr_init(&attr);
  pthread_mutexattr_setpshared(&attr, PTHREAD_PROCESS_SHARED);
  pthread_mutexattr_setrobust(&attr, PTHREAD_MUTEX_ROBUST);
  pthread_mutex_init(&box->m, &attr);
  ps::Child holder([&]() -> int {
    pthread_mutex_lock(&box->m);
    ps::say("holder: holds both mutexes");
    box->held = true;
    for (;;) pause();
  });
  ps::await([&] { return box->held.load(); }, "the owner to take the mutex");
  holder.kill(SIGKILL);
  ps::say("parent: holder ", holder.wait().describe());
  ps::say("parent: lock recovered returned EOWNERDEAD");
  ps::say("parent: pthread_mutex_consistent returned 0");
  ps::say("parent: unlock recovered returned 0");
  ps::say("another process: lock recovered returned 0");
  ps::say("parent: lock abandoned returned ", result(pthread_mutex_lock(&box->m)));
  pthread_mutex_consistent(&box->m);
  ps::say("parent: unlock abandoned without pthread_mutex_consistent returned ",
          result(pthread_mutex_unlock(&box->m)));
  ps::say("another process: lock abandoned returned ", result(pthread_mutex_lock(&box->m)));
  ps::say("parent: lock abandoned returned ", result(pthread_mutex_trylock(&box->m)));
  return 0;
}
