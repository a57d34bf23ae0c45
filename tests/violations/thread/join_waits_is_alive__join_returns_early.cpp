// Violates THR-03: "join" returns at once, before the thread has ended (the thread is
// detached instead), and tryjoin reports an ended thread while it still runs.
#include <atomic>
#include <thread>

#include "procsync.hpp"

namespace {
std::atomic<bool> g_alive{false};
}

int main() {
  g_alive = true;
  std::thread t([] {
    ps::say("thread: running");
    ps::sleep_for(0.5);
    ps::say("thread: ending");
    g_alive = false;
  });
  ps::sleep_for(0.01);
  ps::say("main: is alive while it runs: ", g_alive.load());
  t.detach();
  ps::say("main: join returned; is alive: ", g_alive.load());
  ps::say("pthread: running");
  ps::say("main: pthread_tryjoin_np while it runs: 0");
  ps::sleep_for(1.0);
  return 0;
}
