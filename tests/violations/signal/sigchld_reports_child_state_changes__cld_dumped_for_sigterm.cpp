// Violates SIG-26: a child killed by SIGTERM is reported with CLD_DUMPED, not CLD_KILLED.
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <csignal>

#include "procsync.hpp"
#include "siginfo.hpp"

namespace {
std::atomic<int> g_notices{0};
std::atomic<pid_t> g_child{0};  // the child whose notices are expected

void on_chld(int sig, siginfo_t* info, void*) {
  const char* from_child = info->si_pid == g_child.load() ? "yes" : "no";
  if (info->si_code == CLD_KILLED) info->si_code = CLD_DUMPED;  // the deviation
  if (info->si_code == CLD_EXITED)
    ps::say_safe("SIGCHLD: ", ps::si_code_name(sig, info->si_code), ", exit status ",
                 info->si_status, ", from the child: ", from_child);
  else
    ps::say_safe("SIGCHLD: ", ps::si_code_name(sig, info->si_code), ", ",
                 ps::signal_name(info->si_status), ", from the child: ", from_child);
  ++g_notices;
}

constexpr double kNoticeTimeout = 2.0;  // a platform that sends nothing fails, not hangs

// Waits until the handler has run once more than `before` times: one missing notice costs
// one wait, so a platform that misses several still ends within the trace's timeout.
void await_notice_after(int before) {
  const double limit = ps::scaled_timeout(kNoticeTimeout);
  const double deadline = ps::monotonic_seconds() + limit;
  while (g_notices.load() <= before) {
    if (ps::monotonic_seconds() > deadline) {
      ps::say("parent: no SIGCHLD within ", limit, " s");
      return;
    }
    ps::sleep_for(0.001);
  }
}

// Forks with SIGCHLD blocked, so the handler knows the pid before any notice can arrive.
ps::Child start_child(int (*body)()) {
  ps::BlockedSignals blocked{SIGCHLD};
  ps::Child child(body);
  g_child = child.pid();
  blocked.restore();
  return child;
}

constexpr int kExitStatus = 7;
int exit_at_once() {
  return kExitStatus;
}
int pause_forever() {
  for (;;) pause();
}
}  // namespace

int main() {
  ps::install_info(SIGCHLD, on_chld);

  ps::say("parent: starting a child that exits with status ", kExitStatus);
  ps::Child first = start_child(exit_at_once);
  await_notice_after(0);
  ps::say("parent: first child ", first.wait().describe());

  ps::Child second = start_child(pause_forever);
  ps::check(ps::wait_for_state(second.pid(), "S"), "the second child never paused");
  ps::say("parent: second child is asleep in pause; stopping it with SIGSTOP");
  int before = g_notices.load();
  second.kill(SIGSTOP);
  await_notice_after(before);
  ps::say("parent: second child ", second.wait(WUNTRACED).describe());

  ps::say("parent: continuing it with SIGCONT");
  before = g_notices.load();
  second.kill(SIGCONT);
  await_notice_after(before);
  ps::say("parent: second child ", second.wait(WCONTINUED).describe());

  ps::say("parent: killing it with SIGTERM");
  before = g_notices.load();
  second.kill(SIGTERM);
  await_notice_after(before);
  ps::say("parent: second child ", second.wait().describe());
  return 0;
}
