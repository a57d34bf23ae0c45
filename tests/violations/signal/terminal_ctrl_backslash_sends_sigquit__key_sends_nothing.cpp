// Violates SIG-07: the quit key sends no signal at all (shown by typing a plain character
// instead), so the whole foreground group keeps waiting for SIGQUIT.
#include <pty.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <string_view>

#include "procsync.hpp"
#include "terminal.hpp"

namespace {
struct Shared {
  std::atomic<int> waiting{0};  // processes about to wait for the signal
  std::atomic<pid_t> member{0};
  std::atomic<pid_t> background{0};
};

// Guards (scaled) for an end at once after the key; the trace's %timeout 8 leaves set-up 5 s.
constexpr double kMemberGuardSeconds = 1.5;
constexpr double kLeaderGuardSeconds = 3.0;

volatile sig_atomic_t g_caught = 0;
const char* g_who = "?";

void on_signal(int sig) {
  g_caught = 1;
  ps::say_safe(g_who, ": caught ", ps::signal_name(sig));
}

// The signal stays blocked except inside sigsuspend, so one arriving early is not lost.
void wait_for_signal(Shared& shared) {
  ++shared.waiting;
  sigset_t none;
  sigemptyset(&none);
  while (!g_caught) sigsuspend(&none);
}
}  // namespace

int main(int argc, char** argv) {
  const std::string_view which = argc > 1 ? argv[1] : "";
  if (which != "intr" && which != "quit") ps::fail("argument must be intr or quit");
  const bool intr = which == "intr";
  const int sig = intr ? SIGINT : SIGQUIT;
  const char key = 'x';  // the deviation: the key sends nothing, as a plain character
  const char* key_name = intr ? "Ctrl+C" : "Ctrl+\\";

  int master = -1;
  int slave = -1;
  ps::check(openpty(&master, &slave, nullptr, nullptr, nullptr) == 0, "openpty");
  ps::tty::enable_signal_keys(slave);
  ps::Shared<Shared> shared;

  ps::Child leader([&] {
    close(master);
    ps::tty::take_controlling_terminal(slave);
    ps::check(tcgetpgrp(slave) == getpgrp(), "foreground group");
    ps::say("leader: the terminal is its controlling terminal, its group in the foreground");
    const ps::BlockedSignals blocked{sig};  // inherited; unblocked only in sigsuspend
    ps::install(sig, on_signal);

    ps::Child member([&] {
      g_who = "foreground member";
      wait_for_signal(*shared);
      return 0;
    });
    shared->member = member.pid();
    ps::Child background([&] {
      ps::check(setpgid(0, 0) == 0, "setpgid");
      g_who = "background process";
      wait_for_signal(*shared);
      return 0;
    });
    setpgid(background.pid(), background.pid());  // as shells do: whichever runs first
    shared->background = background.pid();

    g_who = "leader";
    wait_for_signal(*shared);
    // A member the key did not reach would block waitpid for good: say so instead (the
    // Children's destructors end both).
    const ps::Status member_end = member.wait_within(0, kMemberGuardSeconds);
    if (!member_end.valid) {
      ps::say("leader: the foreground member was not signalled by the key");
      return 1;
    }
    ps::say("leader: foreground member ", member_end.describe());
    // The key signalled the whole foreground group at once, and both its processes have
    // handled it: had it reached the background process, it would have woken too.
    ps::say("leader: background process ", ps::process_state(background.pid()) == 'S'
                                               ? "still blocked, not signalled"
                                               : "woke up");
    background.kill(SIGTERM);
    ps::say("leader: background process ", background.wait().describe());
    return 0;
  });
  close(slave);

  ps::await([&] { return shared->waiting >= 3; }, "all three processes to be about to wait");
  ps::check(ps::wait_for_state(leader.pid(), "S"), "leader never blocked");
  ps::check(ps::wait_for_state(shared->member, "S"), "member never blocked");
  ps::check(ps::wait_for_state(shared->background, "S"), "background never blocked");
  ps::say("parent: all three are blocked; typing ", key_name, " on the master");
  ps::check(write(master, &key, 1) == 1, "write master");
  // A leader the key did not reach would block waitpid for good. Longer than the leader's
  // own guard, so that a leader that reports a missing member is heard first.
  const ps::Status end = leader.wait_within(0, kLeaderGuardSeconds);
  if (end.valid) {
    ps::say("parent: leader ", end.describe());
  } else {
    ps::say("parent: the leader is still waiting for ", ps::signal_name(sig), " after the key");
    // Its children first, so that none runs on as an orphan once the leader is gone.
    for (const pid_t pid : {shared->member.load(), shared->background.load()}) kill(pid, SIGKILL);
    leader.kill(SIGKILL);
    leader.wait();
  }
  if (!end.exited()) {
    // The leader died with its children unreaped (a key that sent another signal, or none):
    // end them too, so the verdict is the trace's, not "left running".
    for (const pid_t pid : {shared->member.load(), shared->background.load()}) {
      kill(pid, SIGKILL);
      ps::wait_for_state(pid, "Z?");
    }
  }
  close(master);
  return end.valid ? 0 : 1;
}
