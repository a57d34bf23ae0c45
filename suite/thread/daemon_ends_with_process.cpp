// THR-07: a detached ("daemon") thread ends when the process exits: returning from main
// ends the process at once, and the thread's later output never appears.
#include <atomic>
#include <thread>

#include "procsync.hpp"

namespace {
std::atomic<bool> g_started{false};
constexpr double kDaemonSleep = 1.0;  // longer than main lives
}  // namespace

int main() {
  std::thread daemon([] {
    ps::say("daemon thread: started");
    g_started = true;
    ps::sleep_for(kDaemonSleep);
    ps::say("daemon thread: still running after 1 s");
  });
  daemon.detach();
  ps::await([&] { return g_started.load(); }, "the daemon thread to start");
  ps::say("main: returning while the daemon thread sleeps");
  return 0;
}
