// Violates SIG-30: the signal the child asks for reaches the parent from someone else (a
// grandchild relays it), so si_pid does not name the sender the parent knows.
#include <unistd.h>

#include <atomic>
#include <csignal>

#include "procsync.hpp"
#include "siginfo.hpp"

namespace {
std::atomic<pid_t> g_sender{0};
std::atomic<const char*> g_how{""};
void on_usr1(int sig, siginfo_t* info, void*) {
  ps::say_safe("caught ", ps::signal_name(sig), " sent by ", g_how.load(), ": si_code ",
               ps::si_code_name(sig, info->si_code),
               ", si_pid is the sender: ", info->si_pid == g_sender.load() ? "yes" : "no",
               ", si_uid is getuid(): ", info->si_uid == getuid() ? "yes" : "no");
}
}  // namespace

int main() {
  ps::install_info(SIGUSR1, on_usr1);
  ps::BlockedSignals blocked{SIGUSR1};
  const pid_t parent = getpid();
  ps::Child sender([parent] {
    ps::Child relay([parent] { return kill(parent, SIGUSR1) == 0 ? 0 : 1; });
    return relay.wait().exit_code();
  });
  g_sender = sender.pid();
  g_how = "a child's kill()";
  ps::say("parent: the child that sent SIGUSR1 ", sender.wait().describe());
  blocked.restore();
  g_sender = getpid();
  g_how = "kill(getpid())";
  kill(getpid(), SIGUSR1);
  g_how = "raise()";
  raise(SIGUSR1);
  ps::say("parent: done");
  return 0;
}
