// Violates SCN-03: the lock is not shared between the writer processes (each locks its own
// copy, as if PTHREAD_PROCESS_SHARED were ignored), so writer2 writes while writer1 does:
// two lines every period, interleaved.
#include <pthread.h>

#include <atomic>
#include <string>

#include "procsync.hpp"

namespace {
pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;  // copied by fork

struct Box {
  std::atomic<bool> writer1_holds{false};
  std::atomic<bool> go{false};
};

int writer(Box& box, int n) {
  if (n == 2) ps::say("writer2: waiting for the lock");
  pthread_mutex_lock(&g_lock);
  if (n == 1) {
    ps::say("writer1: took the lock");
    box.writer1_holds = true;
    ps::await([&] { return box.go.load(); }, "the parent's go");
  }
  for (int i = 0; i < 5; ++i) {
    ps::sleep_for(0.2);
    ps::say("writer", n, " output");
  }
  pthread_mutex_unlock(&g_lock);
  return 0;
}
}  // namespace

int main() {
  ps::Shared<Box> box;
  ps::Child writer1([&] { return writer(*box, 1); });
  ps::await([&] { return box->writer1_holds.load(); }, "writer1 to take the lock");
  ps::Child writer2([&] { return writer(*box, 2); });
  ps::wait_for_state(writer2.pid(), "S", 3.0);
  ps::say("parent: writer2 is blocked on the lock");
  box->go = true;
  const std::string end1 = writer1.wait().describe();
  const std::string end2 = writer2.wait().describe();
  ps::say("parent: writer1 ", end1, ", writer2 ", end2);
  return 0;
}
