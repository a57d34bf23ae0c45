// THR-06: a thread that outlives the main thread keeps the process alive. pthread_exit() in
// main ends only the main thread; the worker's later lines all appear, and the process ends
// (status 0) when the worker, its last thread, returns.
//
// In POSIX "daemon" is not a property of a thread but of how the process ends: return from
// main calls exit(), which ends every thread (THR-07), while pthread_exit() in main leaves the
// others running. A raw pthread is used: a std::thread local to main would be destroyed by
// the unwinding pthread_exit() performs, and a joinable one calls std::terminate.
#include <pthread.h>

#include <atomic>

#include "procsync.hpp"

namespace {
constexpr double kOutliveSeconds = 0.5;  // how long the worker runs after main has ended
std::atomic<bool> g_started{false};
pid_t g_main_tid = 0;

void* worker(void*) {
  ps::say("worker: started");
  g_started = true;
  // The main thread of an ended thread group stays a zombie task until the process ends.
  ps::check(ps::wait_for_thread_state(g_main_tid, "Z"), "main thread never ended");
  ps::say("worker: the main thread has ended (its task is a zombie)");
  ps::sleep_for(kOutliveSeconds);
  ps::say("worker: still running 0.5 s later; returning, the last thread");
  return nullptr;
}
}  // namespace

int main() {
  g_main_tid = ps::this_thread_id();
  pthread_t t{};
  ps::check(pthread_create(&t, nullptr, worker, nullptr) == 0, "pthread_create");
  ps::await([&] { return g_started.load(); }, "the thread to start");
  ps::say("main: calling pthread_exit while the worker runs");
  pthread_exit(nullptr);
}
