// THR-03: start then join waits for the thread, and "is alive" (Python's is_alive()) is true
// while it runs and false after. Two flavours: std::thread with an atomic flag the thread
// clears as it ends, and a raw pthread probed with pthread_tryjoin_np (EBUSY while it runs,
// 0 once it has ended).
#include <pthread.h>

#include <atomic>
#include <cerrno>
#include <thread>

#include "procsync.hpp"

namespace {
constexpr double kRunSeconds = 0.5;  // how long each thread works

std::atomic<bool> g_alive{false};
std::atomic<bool> g_started{false};

void* pthread_body(void*) {
  ps::say("pthread: running");
  g_started = true;
  ps::sleep_for(kRunSeconds);
  ps::say("pthread: ending");
  return nullptr;
}

const char* tryjoin_result(int rc) {
  return rc == 0 ? "0" : ps::errno_name(rc);
}
}  // namespace

int main() {
  // Flavour 1: std::thread, join, and an "alive" flag.
  g_alive = true;
  std::thread t([] {
    ps::say("thread: running");
    g_started = true;
    ps::sleep_for(kRunSeconds);
    ps::say("thread: ending");
    g_alive = false;
  });
  ps::await([&] { return g_started.load(); }, "the thread to start");
  ps::say("main: is alive while it runs: ", g_alive.load());
  t.join();
  ps::say("main: join returned; is alive: ", g_alive.load());

  // Flavour 2: pthread_tryjoin_np never blocks; it reaps the thread only once it has ended.
  g_started = false;
  pthread_t p{};
  ps::check(pthread_create(&p, nullptr, pthread_body, nullptr) == 0, "pthread_create");
  ps::await([&] { return g_started.load(); }, "the pthread to start");
  ps::say("main: pthread_tryjoin_np while it runs: ",
          tryjoin_result(pthread_tryjoin_np(p, nullptr)));
  int rc;
  ps::await([&] { return (rc = pthread_tryjoin_np(p, nullptr)) != EBUSY; }, "the pthread to end",
            kRunSeconds + ps::kGuardSeconds);
  ps::say("main: pthread_tryjoin_np after it ended: ", tryjoin_result(rc));
  return 0;
}
