// Violates SIG-03: the negative pid is taken as a plain pid, so only the group leader gets
// the signal; the other members stay blocked and are finally killed with SIGKILL.
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <memory>
#include <vector>

#include "procsync.hpp"

namespace {
volatile sig_atomic_t g_caught = 0;
const char* g_who = "outsider";
void on_usr1(int sig) {
  g_caught = 1;
  ps::say_safe(g_who, ": caught ", ps::signal_name(sig));
}
}  // namespace

int main() {
  const ps::BlockedSignals blocked{SIGUSR1};  // inherited; unblocked only in sigsuspend
  ps::install(SIGUSR1, on_usr1);
  const char* const names[3] = {"member 1", "member 2", "member 3"};
  std::vector<std::unique_ptr<ps::Child>> members;
  pid_t pgid = 0;
  for (int i = 0; i < 3; ++i) {
    members.push_back(std::make_unique<ps::Child>([&, i] {
      g_who = names[i];
      setpgid(0, pgid);
      sigset_t none;
      sigemptyset(&none);
      while (!g_caught) sigsuspend(&none);
      return 0;
    }));
    setpgid(members.back()->pid(), pgid);
    if (pgid == 0) pgid = members.back()->pid();
  }
  ps::say(
      "parent: members 1-3 are in the process group of member 1; the outsider stays in "
      "the parent's group");
  for (auto& m : members) ps::check(ps::wait_for_state(m->pid(), "S"), "member never blocked");
  ps::say("parent: all four are blocked in sigsuspend");
  ps::say("parent: kill(-pgid, SIGUSR1) returned ", kill(pgid, SIGUSR1));
  ps::say("parent: member 1 ", members[0]->wait().describe());
  for (int i = 1; i < 3; ++i) {
    members[i]->kill(SIGKILL);
    ps::say("parent: ", names[i], " ", members[i]->wait().describe());
  }
  return 0;
}
