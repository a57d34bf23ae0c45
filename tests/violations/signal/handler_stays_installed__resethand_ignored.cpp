// Violates SIG-33: SA_RESETHAND has no effect, so the handler catches the second SIGUSR1 too
// and the child lives on.
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
const char* disposition(int sig) {
  struct sigaction current {};
  sigaction(sig, nullptr, &current);
  if (current.sa_handler == SIG_DFL) return "SIG_DFL";
  if (current.sa_handler == on_usr1) return "the handler";
  return "something else";
}
}  // namespace

int main() {
  ps::install(SIGUSR1, on_usr1);
  ps::say("sigaction: handler installed without flags");
  for (int i = 0; i < 3; ++i) kill(getpid(), SIGUSR1);
  ps::say("sigaction: handler ran ", g_caught.load(), " time(s); SIGUSR1 is now ",
          disposition(SIGUSR1));
  ps::Child child([] {
    g_caught = 0;
    ps::install(SIGUSR1, on_usr1);  // SA_RESETHAND left out
    ps::say("child: handler installed with SA_RESETHAND");
    kill(getpid(), SIGUSR1);
    ps::say("child: handler ran ", g_caught.load(), " time(s); SIGUSR1 is now ",
            disposition(SIGUSR1));
    kill(getpid(), SIGUSR1);
    ps::say("child: still running after the second SIGUSR1");
    return 0;
  });
  ps::say("parent: child ", child.wait().describe());
  g_caught = 0;
  signal(SIGUSR1, on_usr1);
  kill(getpid(), SIGUSR1);
  ps::say("signal(): after one delivery SIGUSR1 is ", disposition(SIGUSR1));
  return 0;
}
