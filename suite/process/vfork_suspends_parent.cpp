// PRC-04: vfork() suspends the parent until the child calls _exit or an exec function. Two
// children: the first sleeps 0.5 s and then calls _exit(7), so the parent's vfork must return
// at 0.5 s, after the child's last line; the second execs /bin/sh -c 'sleep 2' at once, so the
// parent's vfork must return at once, while the exec'd program still runs, and waitpid
// reports its end 2 s later. Between vfork and _exit/exec the child only makes system calls
// on data prepared before the vfork (no allocation, no stdio), as vfork requires.
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cstring>

#include "procsync.hpp"

namespace {
constexpr char kChildLine[] = "child: sleeping 0.5 s, then _exit(7)\n";
constexpr char kExecFailed[] = "child: execv /bin/sh failed\n";

// The two children, each in a function of its own so that nothing of the caller's frame is
// live across the vfork (it returns twice on one stack).
pid_t vfork_sleep_then_exit() {
  const timespec half{0, 500000000L};
  const pid_t pid = vfork();
  if (pid == 0) {
    ::write(1, kChildLine, sizeof kChildLine - 1);
    timespec left = half;
    while (::nanosleep(&left, &left) != 0) {
    }
    _exit(7);
  }
  return pid;
}

pid_t vfork_exec(char* const* argv) {
  const pid_t pid = vfork();
  if (pid == 0) {
    ::execv(argv[0], argv);
    ::write(1, kExecFailed, sizeof kExecFailed - 1);
    _exit(127);
  }
  return pid;
}

std::string reaped(pid_t pid) {
  ps::Status s;
  pid_t r;
  while ((r = ::waitpid(pid, &s.raw, 0)) < 0 && errno == EINTR) {
  }
  if (r != pid) ps::fail("waitpid");
  s.valid = true;
  return s.describe();
}
}  // namespace

int main() {
  ps::say("parent: vfork; the child sleeps 0.5 s, then calls _exit(7)");
  const pid_t first = vfork_sleep_then_exit();
  ps::check(first > 0, "vfork");
  ps::say("parent: vfork returned");
  ps::say("parent: child ", reaped(first));

  char sh[] = "/bin/sh", dash_c[] = "-c", script[] = "sleep 2";
  char* const argv[] = {sh, dash_c, script, nullptr};
  ps::say("parent: vfork; the child execs /bin/sh -c 'sleep 2'");
  const pid_t second = vfork_exec(argv);
  ps::check(second > 0, "vfork");
  ps::say("parent: vfork returned");
  ps::say("parent: child ", reaped(second));
  return 0;
}
