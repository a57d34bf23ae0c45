// PRC-06: waitid() with WNOWAIT reports a child's state change and leaves it waitable, and
// WEXITED, WSTOPPED and WCONTINUED select which changes are reported. The child sleeps in
// pause(); the parent stops it (SIGSTOP), continues it (SIGCONT) and finally ends it (SIGUSR1,
// whose handler exits 5), proving each state in /proc first. After each change it asks with
// WNOHANG for the changes that were not selected (nothing), then twice with WNOWAIT (the same
// report both times), then once without it (the report is consumed), then again (nothing).
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

#include "procsync.hpp"
#include "siginfo.hpp"

namespace {
void on_usr1(int) {
  _exit(5);
}

// One waitid(P_PID, pid, ..., options) call, described: "nothing" when WNOHANG found no
// change (si_pid left 0, as waitid(2) advises), else the si_code and status.
std::string ask(pid_t pid, int options) {
  siginfo_t info{};
  info.si_pid = 0;
  int rc;
  while ((rc = waitid(P_PID, static_cast<id_t>(pid), &info, options)) < 0 && errno == EINTR) {
  }
  if (rc < 0) return std::string("failed: ") + ps::errno_name(errno);
  if (info.si_pid == 0) return "nothing";
  std::string s = ps::si_code_name(info.si_signo, info.si_code);
  if (info.si_code == CLD_EXITED) {
    s += " " + std::to_string(info.si_status);
  } else {
    s += std::string(" ") + ps::signal_name(info.si_status);
  }
  if (info.si_pid != pid) s += " (si_pid is not the child's)";
  return s;
}

void show(const char* what, pid_t pid, int options) {
  ps::say("waitid(", what, "): ", ask(pid, options));
}
}  // namespace

int main() {
  ps::Child child([]() -> int {
    ps::install(SIGUSR1, on_usr1);
    for (;;) pause();
  });
  const pid_t pid = child.pid();
  // Each state comes at once. Where one never comes (a ptrace launcher that restarts the stop),
  // the program says which, within the trace's %timeout, and ends the child: a ptrace launcher
  // waits for every process it traces, so a child left in pause() would hold the run open.
  auto prove = [&](const char* states, const char* what) {
    if (ps::wait_for_state(pid, states, 2.0)) return;
    child.kill(SIGKILL);
    ps::check(false, what);
  };
  prove("S", "child never slept");
  ps::say("child is asleep in pause");
  show("WEXITED | WSTOPPED | WCONTINUED | WNOHANG", pid, WEXITED | WSTOPPED | WCONTINUED | WNOHANG);

  ps::say("sending SIGSTOP");
  child.kill(SIGSTOP);
  prove("T", "child never stopped");
  show("WEXITED | WCONTINUED | WNOHANG", pid, WEXITED | WCONTINUED | WNOHANG);
  show("WSTOPPED | WNOWAIT", pid, WSTOPPED | WNOWAIT);
  show("WSTOPPED | WNOWAIT", pid, WSTOPPED | WNOWAIT);
  show("WSTOPPED", pid, WSTOPPED);
  show("WSTOPPED | WNOHANG", pid, WSTOPPED | WNOHANG);

  ps::say("sending SIGCONT");
  child.kill(SIGCONT);
  prove("S", "child never went back to pause");
  show("WEXITED | WSTOPPED | WNOHANG", pid, WEXITED | WSTOPPED | WNOHANG);
  show("WCONTINUED | WNOWAIT", pid, WCONTINUED | WNOWAIT);
  show("WCONTINUED | WNOWAIT", pid, WCONTINUED | WNOWAIT);
  show("WCONTINUED", pid, WCONTINUED);
  show("WCONTINUED | WNOHANG", pid, WCONTINUED | WNOHANG);

  ps::say("sending SIGUSR1");
  child.kill(SIGUSR1);
  prove("Z", "child never ended");
  show("WSTOPPED | WCONTINUED | WNOHANG", pid, WSTOPPED | WCONTINUED | WNOHANG);
  show("WEXITED | WNOWAIT", pid, WEXITED | WNOWAIT);
  show("WEXITED | WNOWAIT", pid, WEXITED | WNOWAIT);
  ps::say("the child is still a zombie: ", ps::process_state(pid) == 'Z' ? "yes" : "no");
  ps::say("waitpid: ", child.wait().describe());
  show("WEXITED | WNOHANG", pid, WEXITED | WNOHANG);
  return 0;
}
