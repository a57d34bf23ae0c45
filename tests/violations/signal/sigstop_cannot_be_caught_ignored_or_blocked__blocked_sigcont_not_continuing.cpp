// Violates SIG-13: a blocked SIGCONT is held pending and does not continue the stopped
// child (shown by sending a blocked signal that cannot continue it instead).
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>

#include "procsync.hpp"
#include "signal_sets.hpp"

namespace {
void on_signal(int sig) {
  ps::say_safe("child: caught ", ps::signal_name(sig));
}

void try_sigaction(void (*handler)(int), const char* what) {
  struct sigaction sa {};
  sa.sa_handler = handler;
  sigemptyset(&sa.sa_mask);
  errno = 0;
  if (sigaction(SIGSTOP, &sa, nullptr) == 0) {
    ps::say("sigaction(SIGSTOP, ", what, ") returned 0");
  } else {
    ps::say("sigaction(SIGSTOP, ", what, ") failed: ", ps::errno_name(errno));
  }
}

void try_signal(void (*handler)(int), const char* what) {
  errno = 0;
  if (signal(SIGSTOP, handler) == SIG_ERR) {
    ps::say("signal(SIGSTOP, ", what, ") returned SIG_ERR: ", ps::errno_name(errno));
  } else {
    ps::say("signal(SIGSTOP, ", what, ") succeeded");
  }
}
}  // namespace

int main() {
  try_sigaction(on_signal, "handler");
  try_signal(on_signal, "handler");
  try_sigaction(SIG_IGN, "SIG_IGN");
  try_signal(SIG_IGN, "SIG_IGN");

  int link[2];
  ps::check(pipe(link) == 0, "pipe");
  ps::Shared<std::atomic<bool>> about_to_read(false);
  ps::Child child([&] {
    close(link[1]);
    const int failed = ps::act_on_every_other_signal(on_signal);
    sigset_t all;
    sigfillset(&all);
    ps::check(sigprocmask(SIG_SETMASK, &all, nullptr) == 0, "sigprocmask");
    sigset_t mask;
    ps::check(sigprocmask(SIG_BLOCK, nullptr, &mask) == 0, "sigprocmask query");
    ps::say("child: a handler for every other signal (", failed, " failed), all blocked; ",
            "mask holds SIGCONT: ", sigismember(&mask, SIGCONT) == 1 ? "yes" : "no",
            ", SIGSTOP: ", sigismember(&mask, SIGSTOP) == 1 ? "yes" : "no");
    *about_to_read = true;
    char c;
    ssize_t n;
    do {
      n = read(link[0], &c, 1);
    } while (n < 0 && errno == EINTR);
    ps::say("child: running again");
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, nullptr);  // the pending SIGCONT is delivered here
    ps::say("child: unblocked everything");
    return 0;
  });
  close(link[0]);

  ps::await([&] { return about_to_read->load(); }, "the child to be about to read");
  ps::check(ps::wait_for_state(child.pid(), "S"), "child never blocked");
  ps::say("parent: child is blocked reading a pipe; sending SIGSTOP");
  child.kill(SIGSTOP);
  // A child that is not stopped (or not continued) would block waitpid for good: the
  // bounded waits say what did not happen instead, and the Child's destructor ends it.
  const ps::Status stop = child.wait_within(WUNTRACED, ps::kGuardSeconds);
  if (!stop.valid) {
    ps::say("parent: the child that blocks everything was not stopped by SIGSTOP");
    return 1;
  }
  ps::say("parent: child ", stop.describe());
  ps::say("parent: sending SIGCONT");
  child.kill(SIGUSR1);  // the deviation: held pending, as if SIGCONT waited for delivery
  const ps::Status cont = child.wait_within(WCONTINUED, ps::kGuardSeconds);
  if (!cont.valid) {
    ps::say("parent: the stopped child was not continued by the blocked SIGCONT");
    return 1;
  }
  ps::say("parent: child ", cont.describe());
  ps::check(write(link[1], "x", 1) == 1, "write");
  ps::say("parent: child ", child.wait().describe());
  close(link[1]);
  return 0;
}
