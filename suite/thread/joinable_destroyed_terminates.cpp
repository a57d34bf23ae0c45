// THR-09: destroying a std::thread that is still joinable (neither joined nor detached)
// calls std::terminate, whose default handler calls abort(): the process ends with SIGABRT.
// A terminate handler that says it ran and then aborts shows that it was std::terminate.
#include <atomic>
#include <cstdlib>
#include <exception>
#include <thread>

#include "procsync.hpp"

namespace {
constexpr double kWorkerSleep = 5.0;  // far longer than the program lives
std::atomic<bool> g_started{false};
}  // namespace

int main() {
  std::set_terminate([] {
    ps::say("terminate handler: std::terminate was called");
    std::abort();
  });
  {
    std::thread t([] {
      g_started = true;
      ps::sleep_for(kWorkerSleep);
      ps::say("worker: woke up");
    });
    ps::await([&] { return g_started.load(); }, "the thread to start");
    ps::say("main: leaving the scope of a joinable std::thread");
  }
  ps::say("main: after the scope");
  return 0;
}
