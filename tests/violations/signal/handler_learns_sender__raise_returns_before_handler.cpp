// Violates SIG-30: raise() returns before the handler has run; it runs later.
#include <sys/types.h>
#include <unistd.h>

#include <atomic>
#include <csignal>

#include "procsync.hpp"
#include "siginfo.hpp"

namespace {
std::atomic<pid_t> g_sender{0};      // the pid si_pid should name
std::atomic<uid_t> g_sender_uid{0};  // the real user id si_uid should name
std::atomic<const char*> g_how{""};  // how the signal was sent, for the handler's line

void on_usr1(int sig, siginfo_t* info, void*) {
  ps::say_safe("caught ", ps::signal_name(sig), " sent by ", g_how.load(), ": si_code ",
               ps::si_code_name(sig, info->si_code),
               ", si_pid is the sender: ", info->si_pid == g_sender.load() ? "yes" : "no",
               ", si_uid is the sender's real user id: ",
               info->si_uid == g_sender_uid.load() ? "yes" : "no");
}

// A real user id other than root's for the child sender when the program runs as root.
constexpr uid_t kNobody = 65534;
uid_t child_sender_uid() {
  return getuid() == 0 ? kNobody : getuid();
}
}  // namespace

int main() {
  ps::install_info(SIGUSR1, on_usr1);

  // 1. Another process: SIGUSR1 stays blocked until the child is known and has exited.
  ps::BlockedSignals blocked{SIGUSR1};
  ps::Child sender([] {
    if (getuid() == 0) ps::check(setreuid(kNobody, static_cast<uid_t>(-1)) == 0, "setreuid");
    ps::check(kill(getppid(), SIGUSR1) == 0, "kill");
    return 0;
  });
  g_sender = sender.pid();
  g_sender_uid = child_sender_uid();
  ps::say("parent: the child sender's real user id is not 0: ", g_sender_uid != 0 ? "yes" : "no");
  g_how = "a child's kill()";
  ps::say("parent: the child that sent SIGUSR1 ", sender.wait().describe());
  // A pending signal unblocked by sigprocmask() is delivered before sigprocmask() returns.
  blocked.restore();

  // 2. The process itself through kill(): delivered before kill() returns.
  g_sender = getpid();
  g_sender_uid = getuid();
  g_how = "kill(getpid())";
  ps::check(kill(getpid(), SIGUSR1) == 0, "kill");

  // 3. raise(): delivered before raise() returns.
  g_how = "raise()";
  ps::BlockedSignals late{SIGUSR1};  // the deviation: delivered after raise() returned
  ps::check(raise(SIGUSR1) == 0, "raise");
  ps::say("parent: done");
  late.restore();
  return 0;
}
