// Violates SIG-35: the value given to sigqueue() is lost and the signal looks sent by
// kill() (simulated by sending with kill()).
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <string>

#include "procsync.hpp"
#include "siginfo.hpp"

namespace {
constexpr int kMaxDeliveries = 16;
struct Delivery {
  int sig;
  int value;
  int code;
  pid_t sender;
};
Delivery g_log[kMaxDeliveries];
std::atomic<int> g_count{0};

void on_signal(int sig, siginfo_t* info, void*) {
  const int i = g_count.load();
  if (i < kMaxDeliveries) g_log[i] = {sig, info->si_value.sival_int, info->si_code, info->si_pid};
  g_count = i + 1;
}

sigset_t test_signals() {
  sigset_t set;
  sigemptyset(&set);
  for (int n : {1, 2, 3}) sigaddset(&set, SIGRTMIN + n);
  return set;
}

void queue(int sig, int value) {
  (void)value;
  if (kill(getpid(), sig) != 0) ps::say("sigqueue(", ps::signal_name(sig), ") ", ps::outcome(-1));
}

// Unblocks the test signals and prints every delivery, in the order the handler recorded.
void unblock_and_report() {
  const sigset_t set = test_signals();
  ps::check(sigprocmask(SIG_UNBLOCK, &set, nullptr) == 0, "sigprocmask");
  // POSIX delivers at least one before sigprocmask() returns; Linux delivers them all. Asking
  // again (a system call each time) lets a platform deliver any that are left.
  for (int i = 0; i < 1000; ++i) {
    sigset_t pending;
    ps::check(sigpending(&pending) == 0, "sigpending");
    bool any = false;
    for (int n : {1, 2, 3}) any = any || sigismember(&pending, SIGRTMIN + n) == 1;
    if (!any) break;
  }
  const int n = g_count.load();
  for (int i = 0; i < n && i < kMaxDeliveries; ++i) {
    const Delivery& d = g_log[i];
    ps::say("delivered ", ps::signal_name(d.sig), " with value ", d.value, ", ",
            ps::si_code_name(d.sig, d.code),
            ", from this process: ", d.sender == getpid() ? "yes" : "no");
  }
  ps::say(n, " deliveries after unblocking");
}
}  // namespace

int main() {
  const sigset_t set = test_signals();
  for (int n : {1, 2, 3}) {
    struct sigaction sa {};
    sa.sa_sigaction = on_signal;
    sa.sa_flags = SA_SIGINFO;
    sa.sa_mask = set;
    ps::check(sigaction(SIGRTMIN + n, &sa, nullptr) == 0, "sigaction");
  }
  ps::check(sigprocmask(SIG_BLOCK, &set, nullptr) == 0, "sigprocmask");

  for (int value : {10, 20, 30, 40, 50}) queue(SIGRTMIN + 1, value);
  ps::say("queued SIGRTMIN+1 with values 10 20 30 40 50 while blocked; handled so far: ",
          g_count.load());
  unblock_and_report();

  ps::check(sigprocmask(SIG_BLOCK, &set, nullptr) == 0, "sigprocmask");
  g_count = 0;
  queue(SIGRTMIN + 3, 3);
  queue(SIGRTMIN + 1, 1);
  queue(SIGRTMIN + 2, 2);
  ps::say("queued SIGRTMIN+3, SIGRTMIN+1, SIGRTMIN+2 in that order while blocked; handled so far: ",
          g_count.load());
  unblock_and_report();
  return 0;
}
