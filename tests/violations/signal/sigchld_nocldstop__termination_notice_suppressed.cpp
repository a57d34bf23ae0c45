// Violates SIG-27: SA_NOCLDSTOP suppresses the SIGCHLD of the child's termination too.
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <csignal>

#include "procsync.hpp"
#include "siginfo.hpp"

namespace {
std::atomic<int> g_notices{0};

void on_chld(int sig, siginfo_t* info, void*) {
  if (info->si_code == CLD_KILLED) return;  // the deviation: no notice
  ++g_notices;
  ps::say_safe("SIGCHLD: ", ps::si_code_name(sig, info->si_code), ", ",
               ps::signal_name(info->si_status));
}

constexpr double kNoticeTimeout = 2.0;  // a platform that sends nothing fails, not hangs

int pause_forever() {
  for (;;) pause();
}
}  // namespace

int main() {
  ps::install_info(SIGCHLD, on_chld, SA_NOCLDSTOP);
  ps::say("parent: SIGCHLD handler installed with SA_NOCLDSTOP");

  ps::Child child(pause_forever);
  ps::check(ps::wait_for_state(child.pid(), "S"), "the child never paused");
  ps::say("parent: child is asleep in pause; stopping it with SIGSTOP");
  child.kill(SIGSTOP);
  ps::say("parent: child ", child.wait(WUNTRACED).describe());

  ps::say("parent: continuing it with SIGCONT");
  child.kill(SIGCONT);
  ps::say("parent: child ", child.wait(WCONTINUED).describe());
  // Back asleep in pause() means the child has finished handling the continue, including
  // any notice it would have sent.
  ps::check(ps::wait_for_state(child.pid(), "S"), "the child never paused again");
  ps::say("parent: child is asleep in pause again; SIGCHLD so far: ", g_notices.load());

  ps::say("parent: killing it with SIGTERM");
  child.kill(SIGTERM);
  const double deadline = ps::monotonic_seconds() + ps::scaled_timeout(kNoticeTimeout);
  while (g_notices.load() == 0 && ps::monotonic_seconds() < deadline) ps::sleep_for(0.001);
  ps::say("parent: child ", child.wait().describe());
  ps::say("parent: SIGCHLD caught ", g_notices.load(), " time(s) in all");
  return 0;
}
