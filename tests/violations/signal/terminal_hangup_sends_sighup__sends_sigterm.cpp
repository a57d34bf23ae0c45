// Violates SIG-09: the hangup reaches the controlling process as SIGTERM, not SIGHUP.
#include <pty.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <atomic>
#include <csignal>

#include "procsync.hpp"
#include "terminal.hpp"

int main() {
  int master = -1;
  int slave = -1;
  ps::check(openpty(&master, &slave, nullptr, nullptr, nullptr) == 0, "openpty");
  // POSIX sends SIGHUP on a disconnect only when CLOCAL is clear.
  termios t{};
  ps::check(tcgetattr(slave, &t) == 0, "tcgetattr");
  t.c_cflag &= ~static_cast<tcflag_t>(CLOCAL);
  ps::check(tcsetattr(slave, TCSANOW, &t) == 0, "tcsetattr");
  ps::Shared<std::atomic<bool>> about_to_pause(false);

  ps::Child leader([&] {
    close(master);
    ps::tty::take_controlling_terminal(slave);
    // The deviation: the hangup ends it with SIGTERM.
    ps::install(SIGHUP, [](int) {
      signal(SIGTERM, SIG_DFL);
      raise(SIGTERM);
    });
    ps::say("leader: the terminal is its controlling terminal; waiting in pause()");
    *about_to_pause = true;
    for (;;) pause();
    return 0;
  });
  close(slave);

  ps::await([&] { return about_to_pause->load(); }, "the leader to be about to pause");
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
