// Violates SIG-31: the standard signal is queued like a real-time one, so each of the three
// blocked sends is delivered.
#include <unistd.h>

#include <atomic>
#include <csignal>

#include "procsync.hpp"

namespace {
std::atomic<int> g_count{0};
void on_signal(int) {
  ++g_count;
}
}  // namespace

int main() {
  ps::install(SIGRTMIN + 1, on_signal);  // stands in for SIGUSR1
  ps::BlockedSignals blocked{SIGRTMIN + 1};
  for (int i = 0; i < 3; ++i) kill(getpid(), SIGRTMIN + 1);
  ps::say("SIGUSR1 sent 3 times while blocked; pending: yes; handled so far: 0");
  blocked.restore();
  ps::say("SIGUSR1 delivered ", g_count.load(), " time(s) after unblocking");
  ps::say("SIGRTMIN+0 sent 3 times while blocked; pending: yes; handled so far: 0");
  ps::say("SIGRTMIN+0 delivered 3 time(s) after unblocking");
  return 0;
}
