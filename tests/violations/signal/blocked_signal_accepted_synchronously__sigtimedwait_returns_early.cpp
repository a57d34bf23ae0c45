// Violates SIG-36: sigtimedwait() gives up before its timeout (here after 0.9 s of 1 s).
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <ctime>

#include "procsync.hpp"
#include "siginfo.hpp"

namespace {
struct Shared {
  std::atomic<int> waiting{0};  // which step this process is about to wait in
};

sigset_t one(int sig) {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, sig);
  return set;
}

// A child that waits until the parent is blocked in step `step`, then sends `sig` to it
// (with sigqueue() and `value` when value is not 0).
ps::Child sender(Shared& shared, int step, const char* call, int sig, int value) {
  const pid_t parent = getpid();
  return ps::Child([&shared, parent, step, call, sig, value] {
    ps::await([&shared, step] { return shared.waiting.load() == step; },
              "the parent to reach its wait", 5);
    ps::check(ps::wait_for_state(parent, "S"), "parent never blocked");
    if (value != 0) {
      ps::say("child: parent is blocked in ", call, "; queueing ", ps::signal_name(sig),
              " with value ", value);
      union sigval v {};
      v.sival_int = value;
      ps::check(sigqueue(parent, sig, v) == 0, "sigqueue");
    } else {
      ps::say("child: parent is blocked in ", call, "; sending ", ps::signal_name(sig));
      ps::check(kill(parent, sig) == 0, "kill");
    }
    return 0;
  });
}

const char* from(const siginfo_t& info, const ps::Child& child) {
  return info.si_pid == child.pid() ? "yes" : "no";
}
}  // namespace

int main() {
  const ps::BlockedSignals blocked{SIGUSR1, SIGUSR2, SIGRTMIN};
  ps::Shared<Shared> shared;

  ps::say(
      "SIGUSR1, SIGUSR2 and SIGRTMIN+0 blocked, no handlers; sigtimedwait for 1 s, nothing sent");
  const sigset_t usr1 = one(SIGUSR1);
  const timespec one_second{0, 900000000};
  siginfo_t info{};
  int rc = sigtimedwait(&usr1, &info, &one_second);
  ps::say("sigtimedwait(1 s) ", rc < 0 ? ps::outcome(-1) : std::string("returned a signal"));
  const timespec zero{0, 0};
  rc = sigtimedwait(&usr1, &info, &zero);
  ps::say("sigtimedwait(0 s) ", rc < 0 ? ps::outcome(-1) : std::string("returned a signal"));

  {
    ps::Child child = sender(*shared, 1, "sigwait", SIGUSR1, 0);
    int sig = 0;
    shared->waiting = 1;
    const int err = sigwait(&usr1, &sig);  // returns the error number, not -1
    if (err == 0)
      ps::say("sigwait returned 0 with ", ps::signal_name(sig));
    else
      ps::say("sigwait failed: ", ps::errno_name(err));
    ps::check(child.wait().exited(), "child");
  }
  {
    ps::Child child = sender(*shared, 2, "sigwaitinfo", SIGRTMIN, 42);
    const sigset_t rt = one(SIGRTMIN);
    shared->waiting = 2;
    rc = sigwaitinfo(&rt, &info);
    if (rc < 0)
      ps::say("sigwaitinfo ", ps::outcome(-1));
    else
      ps::say("sigwaitinfo returned ", ps::signal_name(rc), " with value ", info.si_value.sival_int,
              ", ", ps::si_code_name(rc, info.si_code), ", from the child: ", from(info, child));
    ps::check(child.wait().exited(), "child");
  }
  {
    ps::Child child = sender(*shared, 3, "sigtimedwait(5 s)", SIGUSR2, 0);
    const sigset_t usr2 = one(SIGUSR2);
    const timespec five_seconds{5, 0};
    shared->waiting = 3;
    rc = sigtimedwait(&usr2, &info, &five_seconds);
    if (rc < 0)
      ps::say("sigtimedwait(5 s) ", ps::outcome(-1));
    else
      ps::say("sigtimedwait(5 s) returned ", ps::signal_name(rc), ", ",
              ps::si_code_name(rc, info.si_code), ", from the child: ", from(info, child));
    ps::check(child.wait().exited(), "child");
  }
  sigset_t pending;
  ps::check(sigpending(&pending) == 0, "sigpending");
  int left = 0;
  for (int sig : {SIGUSR1, SIGUSR2, SIGRTMIN}) left += sigismember(&pending, sig) == 1 ? 1 : 0;
  ps::say("signals still pending: ", left);
  return 0;
}
