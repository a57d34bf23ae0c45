// Violates THR-06: the end of the main thread ends the whole process (main returns instead
// of calling pthread_exit), so the worker's later lines never appear.
#include <pthread.h>

#include <atomic>

#include "procsync.hpp"

namespace {
std::atomic<bool> g_started{false};

void* worker(void*) {
  ps::say("worker: started");
  g_started = true;
  ps::sleep_for(0.5);
  ps::say("worker: still running 0.5 s later; returning, the last thread");
  return nullptr;
}
}  // namespace

int main() {
  pthread_t t{};
  ps::check(pthread_create(&t, nullptr, worker, nullptr) == 0, "pthread_create");
  ps::await([&] { return g_started.load(); }, "the thread to start");
  ps::say("main: calling pthread_exit while the worker runs");
  ps::say("worker: the main thread has ended (its task is a zombie)");
  return 0;
}
