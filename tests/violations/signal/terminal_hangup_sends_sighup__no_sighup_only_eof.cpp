// Violates SIG-09: the hangup sends no SIGHUP; the controlling process only sees end-of-file
// on its terminal and exits normally.
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <csignal>

#include "procsync.hpp"
#include "terminal.hpp"

int main() {
  int master = -1;
  int slave = -1;
  ps::check(openpty(&master, &slave, nullptr, nullptr, nullptr) == 0, "openpty");
  ps::Shared<std::atomic<bool>> about_to_read(false);
  ps::Child leader([&] {
    close(master);
    ps::tty::take_controlling_terminal(slave);
    signal(SIGHUP, SIG_IGN);
    ps::say("leader: the terminal is its controlling terminal; waiting in pause()");
    *about_to_read = true;
    char c;
    while (read(slave, &c, 1) > 0) {
    }
    return 0;
  });
  close(slave);
  ps::await([&] { return about_to_read->load(); }, "the leader to be about to read");
  ps::check(ps::wait_for_state(leader.pid(), "S"), "leader never blocked");
  ps::say("parent: leader is blocked; closing the master");
  close(master);
  // Bounded: a platform that never delivers the signal fails with a line of its own, not a
  // TIMEOUT (the Child's destructor then ends the leader).
  ps::Status end;
  const double give_up = ps::monotonic_seconds() + ps::scaled_timeout(ps::kGuardSeconds);
  while (!(end = leader.wait(WNOHANG)).valid && ps::monotonic_seconds() < give_up) {
    ps::sleep_for(0.001);
  }
  ps::say("parent: leader ", end.valid ? end.describe() : "still running");
  return 0;
}
