// Violates THR-09: a thread type whose destructor detaches a joinable thread (as
// boost::thread once did) instead of calling std::terminate: the program goes on and exits 0.
#include <atomic>
#include <thread>

#include "procsync.hpp"

namespace {
std::atomic<bool> g_started{false};
}

int main() {
  {
    std::thread t([] {
      g_started = true;
      ps::sleep_for(5.0);
    });
    ps::await([&] { return g_started.load(); }, "the thread to start");
    ps::say("main: leaving the scope of a joinable std::thread");
    t.detach();
  }
  ps::say("main: after the scope");
  return 0;
}
