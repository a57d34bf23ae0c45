// Violates SIG-36 (signalfd): the queued value and SI_QUEUE are lost (simulated by the
// child sending the real-time signal with kill()).
#if __has_include(<sys/signalfd.h>)
#include <sys/signalfd.h>
#define PROCSYNC_HAVE_SIGNALFD 1
#endif
#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <csignal>

#include "procsync.hpp"
#include "siginfo.hpp"

#ifdef PROCSYNC_HAVE_SIGNALFD
namespace {
// Reads one signalfd_siginfo and prints it, or the error.
void read_one(int fd, const char* what, pid_t child) {
  signalfd_siginfo si{};
  const ssize_t n = read(fd, &si, sizeof si);
  if (n < 0) {
    ps::say(what, ": read ", ps::outcome(-1));
    return;
  }
  if (n != static_cast<ssize_t>(sizeof si)) {
    ps::say(what, ": read returned ", static_cast<long>(n), " bytes");
    return;
  }
  const int sig = static_cast<int>(si.ssi_signo);
  const int code = si.ssi_code;
  const char* from_child = static_cast<pid_t>(si.ssi_pid) == child ? "yes" : "no";
  if (code == SI_QUEUE)  // only sigqueue() gives a value
    ps::say(what, ": read ", ps::signal_name(sig), " with value ", si.ssi_int, ", SI_QUEUE",
            ", from the child: ", from_child);
  else
    ps::say(what, ": read ", ps::signal_name(sig), ", ", ps::si_code_name(sig, code),
            ", from the child: ", from_child);
}
}  // namespace

int main() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGUSR1);
  sigaddset(&set, SIGRTMIN);
  const ps::BlockedSignals blocked{SIGUSR1, SIGRTMIN};
  const int fd = signalfd(-1, &set, SFD_CLOEXEC);
  ps::check(fd >= 0, "signalfd");
  ps::say("SIGUSR1 and SIGRTMIN+0 blocked, no handlers; signalfd made for both");

  const int flags = fcntl(fd, F_GETFL);
  ps::check(flags >= 0 && fcntl(fd, F_SETFL, flags | O_NONBLOCK) == 0, "fcntl O_NONBLOCK");
  read_one(fd, "non-blocking, nothing pending", 0);
  ps::check(fcntl(fd, F_SETFL, flags) == 0, "fcntl");

  ps::Shared<std::atomic<bool>> reading(false);
  const pid_t parent = getpid();
  ps::Child child([&] {
    ps::await([&] { return reading->load(); }, "the parent to reach its read", 5);
    ps::check(ps::wait_for_state(parent, "S"), "parent never blocked");
    ps::say("child: parent is blocked reading the signalfd; sending SIGUSR1");
    ps::check(kill(parent, SIGUSR1) == 0, "kill");
    ps::check(kill(parent, SIGRTMIN) == 0, "kill");
    ps::say("child: queued SIGRTMIN+0 with value 42");
    return 0;
  });
  const pid_t child_pid = child.pid();
  *reading = true;
  read_one(fd, "blocking read", child_pid);
  ps::check(child.wait().exited(), "child");
  read_one(fd, "next read", child_pid);
  close(fd);
  return 0;
}
#else
int main() {
  ps::unsupported("no signalfd (<sys/signalfd.h>): it is specific to Linux");
}
#endif
