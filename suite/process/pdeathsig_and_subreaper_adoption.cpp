// PRC-07 (Linux): a child that asked for it (PR_SET_PDEATHSIG) gets its signal when its parent
// dies, and an orphan is adopted by the nearest subreaper (PR_SET_CHILD_SUBREAPER). The harness
// is itself a subreaper, so this program makes itself one in between: it forks a parent, which
// forks two children, one that asks for SIGUSR1 at its parent's death and one that does not.
// The program kills the parent with SIGKILL: the first child catches SIGUSR1 and finds that its
// new parent is the program; the second gets no signal and is adopted too; the program can
// then reap both, which only a parent can.
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>

#include "procsync.hpp"

#ifdef __linux__
#include <sys/prctl.h>

namespace {
struct Box {
  std::atomic<pid_t> asking{0};  // the child that asked for a parent-death signal
  std::atomic<pid_t> other{0};   // the child that did not
  std::atomic<bool> asked{false};
};

volatile std::sig_atomic_t g_caught = 0;

void on_usr1(int sig) {
  ps::say_safe("asking child: caught ", ps::signal_name(sig));
  g_caught = 1;
}

// The parent pid in /proc/<pid>/stat (the field after the state letter).
pid_t ppid_of(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  std::getline(in, line);
  const auto close = line.rfind(')');
  if (close == std::string::npos) return -1;
  std::istringstream rest(line.substr(close + 2));
  char state = '?';
  pid_t ppid = -1;
  rest >> state >> ppid;
  return ppid;
}

std::string reap(pid_t pid) {
  ps::Status s;
  pid_t r;
  while ((r = ::waitpid(pid, &s.raw, 0)) < 0 && errno == EINTR) {
  }
  if (r != pid) return std::string("waitpid failed: ") + ps::errno_name(errno);
  s.valid = true;
  return s.describe();
}
}  // namespace

int main() {
  const pid_t self = getpid();
  ps::check(prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0, "prctl(PR_SET_CHILD_SUBREAPER)");
  ps::say("main: PR_SET_CHILD_SUBREAPER returned 0");
  ps::Shared<Box> box;

  ps::Child parent([&]() -> int {
    const pid_t me = getpid();
    ps::Child asking([&]() -> int {
      ps::install(SIGUSR1, on_usr1);
      ps::check(prctl(PR_SET_PDEATHSIG, SIGUSR1, 0, 0, 0) == 0, "prctl(PR_SET_PDEATHSIG)");
      int sig = 0;
      ps::check(prctl(PR_GET_PDEATHSIG, &sig, 0, 0, 0) == 0, "prctl(PR_GET_PDEATHSIG)");
      // The parent may have died before the prctl: then no signal will come (prctl(2)).
      ps::say("asking child: parent-death signal ", ps::signal_name(sig),
              ", parent still the forking one: ", getppid() == me ? "yes" : "no");
      box->asked = true;
      // Bounded: a platform that never sends the signal shows an error line, not a hang.
      ps::await([&] { return getppid() != me && g_caught != 0; },
                "the parent's death and its signal", 2);
      ps::say("asking child: its parent is now the subreaper: ", getppid() == self ? "yes" : "no");
      return 0;
    });
    ps::Child other([]() -> int {
      for (;;) pause();
    });
    box->asking = asking.pid();
    box->other = other.pid();
    for (;;) pause();  // killed with its children unreaped: they are orphaned
  });

  ps::await([&] { return box->asked && box->other != 0; }, "the children to start", 5);
  const pid_t asking = box->asking, other = box->other;
  ps::check(ps::wait_for_state(asking, "S", 5) && ps::wait_for_state(other, "S", 5),
            "children never slept");
  ps::say("main: both children are asleep; killing their parent with SIGKILL");
  parent.kill(SIGKILL);
  ps::say("main: parent ", parent.wait().describe());
  ps::say("main: asking child ", reap(asking));
  ps::say("main: the other child's parent is now the subreaper: ",
          ppid_of(other) == self ? "yes" : "no");
  ps::say("main: the other child got no signal, still asleep: ",
          ps::process_state(other) == 'S' ? "yes" : "no");
  ::kill(other, SIGTERM);
  ps::say("main: other child ", reap(other));
  return 0;
}

#else
int main() {
  ps::unsupported("PR_SET_PDEATHSIG and PR_SET_CHILD_SUBREAPER are Linux's");
}
#endif
