// Violates LCK-05: the holder's death goes unreported: the mutexes come back as if they had
// been unlocked cleanly (here the holder does unlock them before it is killed), so the next
// lock returns 0 instead of EOWNERDEAD and nothing becomes unrecoverable.
#include <pthread.h>
#include <unistd.h>

#include <atomic>
#include <csignal>

#include "procsync.hpp"

namespace {
struct Box {
  pthread_mutex_t m[2];
  std::atomic<bool> held{false};
};
const char* result(int rc) {
  return rc == 0 ? "0" : ps::errno_name(rc);
}
}  // namespace

int main() {
  ps::Shared<Box> box;
  for (auto& m : box->m) {
    pthread_mutexattr_t attr;
    pthread_mutexattr_init(&attr);
    pthread_mutexattr_setpshared(&attr, PTHREAD_PROCESS_SHARED);
    pthread_mutexattr_setrobust(&attr, PTHREAD_MUTEX_ROBUST);
    pthread_mutex_init(&m, &attr);
  }
  ps::Child holder([&]() -> int {
    for (auto& m : box->m) pthread_mutex_lock(&m);
    ps::say("holder: holds both mutexes");
    for (auto& m : box->m) pthread_mutex_unlock(&m);
    box->held = true;
    for (;;) pause();
  });
  ps::await([&] { return box->held.load(); }, "the owner to take the mutex");
  holder.kill(SIGKILL);
  ps::say("parent: holder ", holder.wait().describe());
  ps::say("parent: lock recovered returned ", result(pthread_mutex_lock(&box->m[0])));
  ps::say("parent: pthread_mutex_consistent returned ",
          result(pthread_mutex_consistent(&box->m[0])));
  ps::say("parent: unlock recovered returned ", result(pthread_mutex_unlock(&box->m[0])));
  ps::say("another process: lock recovered returned 0");
  ps::say("parent: lock abandoned returned ", result(pthread_mutex_lock(&box->m[1])));
  ps::say("parent: unlock abandoned without pthread_mutex_consistent returned ",
          result(pthread_mutex_unlock(&box->m[1])));
  ps::say("another process: lock abandoned returned ", result(pthread_mutex_lock(&box->m[1])));
  ps::say("parent: lock abandoned returned ENOTRECOVERABLE");
  return 0;
}
