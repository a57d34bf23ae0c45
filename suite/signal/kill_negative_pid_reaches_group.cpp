// SIG-03: kill(-pgid, sig) sends sig to every member of process group pgid. Three members
// share a new group; a fourth process (the outsider) stays in the parent's group and must not
// be reached.
#include <unistd.h>

#include <array>
#include <atomic>
#include <csignal>
#include <memory>
#include <vector>

#include "procsync.hpp"

namespace {
constexpr int kMembers = 3;

volatile sig_atomic_t g_caught = 0;
const char* g_who = "outsider";

void on_usr1(int sig) {
  g_caught = 1;
  ps::say_safe(g_who, ": caught ", ps::signal_name(sig));
}

// Waits with SIGUSR1 blocked except inside sigsuspend, so a signal sent before the wait
// starts is not lost.
int wait_for_usr1(std::atomic<bool>& about_to_wait) {
  about_to_wait = true;
  sigset_t none;
  sigemptyset(&none);
  while (!g_caught) sigsuspend(&none);
  return 0;
}

struct Flags {
  std::array<std::atomic<bool>, kMembers + 1> about_to_wait{};
};
}  // namespace

int main() {
  const ps::BlockedSignals blocked{SIGUSR1};  // inherited; unblocked only in sigsuspend
  ps::install(SIGUSR1, on_usr1);
  ps::Shared<Flags> flags;

  const char* const names[kMembers] = {"member 1", "member 2", "member 3"};
  std::vector<std::unique_ptr<ps::Child>> members;
  pid_t pgid = 0;  // the first member leads the new group
  for (int i = 0; i < kMembers; ++i) {
    members.push_back(std::make_unique<ps::Child>([&, i] {
      g_who = names[i];
      ps::check(setpgid(0, pgid) == 0, "setpgid in member");
      return wait_for_usr1(flags->about_to_wait[i]);
    }));
    // Also in the parent, as shells do, so the group is set whichever runs first.
    const pid_t pid = members.back()->pid();
    if (setpgid(pid, pgid) != 0 && errno != EACCES) ps::fail("setpgid");
    if (pgid == 0) pgid = pid;
  }
  ps::Child outsider([&] { return wait_for_usr1(flags->about_to_wait[kMembers]); });

  // Said, not checked with ps::check: a platform without working process groups fails the
  // trace here, and the Child destructors end the waiting processes.
  for (int i = 0; i < kMembers; ++i) {
    if (getpgid(members[i]->pid()) != pgid) {
      ps::say("parent: ", names[i], " is not in the process group of member 1");
      return 0;
    }
  }
  ps::say("parent: members 1-3 are in the process group of member 1",
          getpgid(outsider.pid()) == getpgrp() ? "; the outsider stays in the parent's group"
                                               : "; the outsider is elsewhere");
  for (auto& f : flags->about_to_wait) {
    ps::await([&] { return f.load(); }, "every process to be about to wait");
  }
  for (auto& m : members) ps::check(ps::wait_for_state(m->pid(), "S"), "member never blocked");
  ps::check(ps::wait_for_state(outsider.pid(), "S"), "outsider never blocked");
  ps::say("parent: all four are blocked in sigsuspend");

  const int rc = kill(-pgid, SIGUSR1);
  ps::check(rc == 0, "kill");
  ps::say("parent: kill(-pgid, SIGUSR1) returned ", rc);
  // Reap all members before printing, so every handler line is out before these. A member
  // the signal did not reach would block waitpid for good: say so instead.
  std::vector<ps::Status> ends;
  // The guard runs once for them all: they were signalled at the same moment.
  double guard = 3.0;
  for (auto& m : members) {
    ends.push_back(m->wait_within(0, guard));
    if (!ends.back().valid) guard = 0;
  }
  for (int i = 0; i < kMembers; ++i)
    ps::say("parent: ", names[i], " ",
            ends[i].valid ? ends[i].describe() : "still blocked: not reached");
  // The signal went to the whole group at once; the members have all handled it, so had it
  // reached the outsider, it would have left sigsuspend by now too.
  ps::say("parent: outsider state ",
          ps::process_state(outsider.pid()) == 'S' ? "still blocked, not reached" : "changed");
  outsider.kill(SIGTERM);
  ps::say("parent: outsider ", outsider.wait().describe());
  return 0;
}
