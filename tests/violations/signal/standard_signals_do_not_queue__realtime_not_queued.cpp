// Violates SIG-31 (its control): a real-time signal sent three times while blocked is
// delivered once, as a standard one is.
#include <unistd.h>

#include <atomic>
#include <csignal>

#include "procsync.hpp"

namespace {
std::atomic<int> g_usr1{0};
std::atomic<int> g_rt{0};

void on_signal(int sig) {
  if (sig == SIGUSR1)
    ++g_usr1;
  else
    ++g_rt;
}

constexpr int kSends = 3;

int send_blocked_then_unblock(int sig, std::atomic<int>& count) {
  ps::BlockedSignals blocked{sig};
  for (int i = 0; i < kSends; ++i) {
    // The deviation: only the first send is kept.
    if (i == 0 || sig == SIGUSR1) ps::check(kill(getpid(), sig) == 0, "kill");
  }
  sigset_t pending;
  sigemptyset(&pending);
  ps::check(sigpending(&pending) == 0, "sigpending");
  ps::say(ps::signal_name(sig), " sent ", kSends,
          " times while blocked; pending: ", sigismember(&pending, sig) ? "yes" : "no",
          "; handled so far: ", count.load());
  // POSIX delivers at least one pending signal before sigprocmask() returns; Linux delivers
  // them all. Checking again (a system call each time) lets any left be delivered.
  blocked.restore();
  for (int i = 0; i < 1000; ++i) {
    ps::check(sigpending(&pending) == 0, "sigpending");
    if (!sigismember(&pending, sig)) break;
  }
  return count.load();
}
}  // namespace

int main() {
  ps::install(SIGUSR1, on_signal);
  ps::install(SIGRTMIN, on_signal);
  const int usr1 = send_blocked_then_unblock(SIGUSR1, g_usr1);
  ps::say(ps::signal_name(SIGUSR1), " delivered ", usr1, " time(s) after unblocking");
  const int rt = send_blocked_then_unblock(SIGRTMIN, g_rt);
  ps::say(ps::signal_name(SIGRTMIN), " delivered ", rt, " time(s) after unblocking");
  return 0;
}
