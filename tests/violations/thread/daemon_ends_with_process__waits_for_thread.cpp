// Violates THR-07: the process waits for its "daemon" thread before it ends.
#include <atomic>
#include <thread>

#include "procsync.hpp"

namespace {
std::atomic<bool> g_started{false};
}

int main() {
  std::thread daemon([] {
    ps::say("daemon thread: started");
    g_started = true;
    ps::sleep_for(1.0);
    ps::say("daemon thread: still running after 1 s");
  });
  ps::await([&] { return g_started.load(); }, "the daemon thread to start");
  ps::say("main: returning while the daemon thread sleeps");
  daemon.join();
  return 0;
}
