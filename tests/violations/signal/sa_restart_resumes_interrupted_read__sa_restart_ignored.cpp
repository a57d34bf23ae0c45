// Violates SIG-39: SA_RESTART is ignored, so the read fails with EINTR in both rounds.
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <string>

#include "procsync.hpp"

namespace {
struct Shared {
  std::atomic<int> reading{0};  // which round's read this process is about to block in
  std::atomic<int> handled{0};
  std::atomic<int> finished{0};  // which round's read has returned
};
Shared* g_shared = nullptr;

void on_usr1(int) {
  ps::say_safe("handler: caught SIGUSR1");
  ++g_shared->handled;
}

// Waits at most `seconds` (a guard: scaled) for `value` to become `wanted`; false after that,
// where the caller carries on (ps::await would end the program).
bool within(const std::atomic<int>& value, int wanted, double seconds) {
  const double deadline = ps::monotonic_seconds() + ps::scaled_timeout(seconds);
  while (value.load() != wanted) {
    if (ps::monotonic_seconds() > deadline) return false;
    ps::sleep_for(0.001);
  }
  return true;
}

void round(int number, int flags, const char* label, bool child_writes) {
  int fds[2];
  ps::check(pipe(fds) == 0, "pipe");
  (void)flags;
  ps::install(SIGUSR1, on_usr1, 0);
  const pid_t parent = getpid();
  const int handled_before = g_shared->handled.load();
  ps::Child child([&] {
    close(fds[0]);
    ps::await([number] { return g_shared->reading.load() == number; },
              "the parent to start reading", 5);
    ps::check(ps::wait_for_state(parent, "S", 5), "parent never blocked");
    ps::say("child: parent is blocked in read; sending SIGUSR1");
    ps::check(kill(parent, SIGUSR1) == 0, "kill");
    if (child_writes) {
      ps::await([handled_before] { return g_shared->handled.load() == handled_before + 1; },
                "the handler to run", 5);
      ps::check(ps::wait_for_state(parent, "S", 5), "parent never blocked again");
      if (g_shared->finished.load() == number)
        ps::say("child: handler has run and the parent's read has returned; writing \"data\"");
      else
        ps::say("child: handler has run and the parent is blocked again; writing \"data\"");
      ps::check(write(fds[1], "data", 4) == 4, "write");
    }
    // The write end stays open until the read has returned: closing it would end the read
    // with end of file, whatever the signal did. A read that has not returned 3 s after the
    // handler ran never will (a read restarted without SA_RESTART): end of file then ends it.
    if (!within(g_shared->finished, number, 3))
      ps::say("child: the parent's read has not returned 3 s after the signal; closing the pipe");
    return 0;
  });
  close(fds[1]);
  ps::say(label, ": reading the empty pipe");
  g_shared->reading = number;
  char buf[16];
  const ssize_t n = read(fds[0], buf, sizeof buf);
  if (n < 0)
    ps::say(label, ": read ", ps::outcome(-1));
  else
    ps::say(label, ": read returned \"", std::string(buf, static_cast<std::size_t>(n)), "\"");
  g_shared->finished = number;
  ps::check(child.wait().exited(), "child");
  close(fds[0]);
}
}  // namespace

int main() {
  ps::Shared<Shared> shared;
  g_shared = shared.get();
  round(1, SA_RESTART, "with SA_RESTART", true);
  round(2, 0, "without SA_RESTART", false);
  return 0;
}
