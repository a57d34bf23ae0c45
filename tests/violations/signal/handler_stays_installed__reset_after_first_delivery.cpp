// Violates SIG-33: a handler installed with sigaction() without flags is reset to SIG_DFL
// when it runs (System V semantics), so the second SIGUSR1 ends the process.
#include <sys/types.h>
#include <unistd.h>

#include <atomic>
#include <csignal>

#include "procsync.hpp"

namespace {
std::atomic<int> g_caught{0};

void on_usr1(int sig) {
  ++g_caught;
  ps::say_safe("handler: caught ", ps::signal_name(sig));
}

constexpr int kDeliveries = 3;

const char* disposition(int sig) {
  struct sigaction current {};
  ps::check(sigaction(sig, nullptr, &current) == 0, "sigaction query");
  if (current.sa_handler == SIG_DFL) return "SIG_DFL";
  if (current.sa_handler == SIG_IGN) return "SIG_IGN";
  if (current.sa_handler == on_usr1) return "the handler";
  return "something else";
}

void send_self(int sig) {
  // Unblocked and sent to itself: delivered before kill() returns.
  ps::check(kill(getpid(), sig) == 0, "kill");
}
}  // namespace

int main() {
  // 1. sigaction() without flags: the handler runs for every delivery.
  ps::install(SIGUSR1, on_usr1, SA_RESETHAND);  // the deviation
  ps::say("sigaction: handler installed without flags");
  for (int i = 0; i < kDeliveries; ++i) send_self(SIGUSR1);
  ps::say("sigaction: handler ran ", g_caught.load(), " time(s); SIGUSR1 is now ",
          disposition(SIGUSR1));

  // 2. SA_RESETHAND: one-shot, shown in a child because the second delivery ends it.
  ps::Child child([] {
    g_caught = 0;
    ps::install(SIGUSR1, on_usr1, SA_RESETHAND);
    ps::say("child: handler installed with SA_RESETHAND");
    send_self(SIGUSR1);
    ps::say("child: handler ran ", g_caught.load(), " time(s); SIGUSR1 is now ",
            disposition(SIGUSR1));
    send_self(SIGUSR1);
    ps::say("child: still running after the second SIGUSR1");
    return 0;
  });
  ps::say("parent: child ", child.wait().describe());

  // 3. signal(): whether the handler survives its first delivery is implementation-defined.
  g_caught = 0;
  ps::check(signal(SIGUSR1, on_usr1) != SIG_ERR, "signal");
  send_self(SIGUSR1);
  ps::say("signal(): after one delivery SIGUSR1 is ", disposition(SIGUSR1),
          g_caught.load() == 1 ? "" : " (handler did not run once)");
  return 0;
}
