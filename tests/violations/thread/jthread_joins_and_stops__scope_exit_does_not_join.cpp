// Violates THR-10: leaving the scope neither waits for the thread nor asks it to stop (the
// thread is detached): main's "scope left" comes before the worker is done.
#include <atomic>
#include <thread>

#include "procsync.hpp"

namespace {
std::atomic<bool> g_started{false};
}

int main() {
  {
    std::thread worker([] {
      ps::say("worker 1: started");
      g_started = true;
      ps::sleep_for(0.3);
      ps::say("worker 1: done");
    });
    ps::await([&] { return g_started.load(); }, "the thread to start");
    ps::say("main: leaving scope 1 while worker 1 runs");
    worker.detach();
  }
  ps::say("main: scope 1 left");
  ps::sleep_for(0.5);
  return 0;
}
