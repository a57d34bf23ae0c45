// Violates SIG-08: the shell's SIGCONT does not resume the stopped job (shown by not
// sending it), which stays stopped.
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <string>

#include "procsync.hpp"
#include "terminal.hpp"

namespace {
struct Shared {
  std::atomic<bool> job_in_foreground{false};
  std::atomic<pid_t> reader{0};  // the process now reading the terminal
  std::atomic<int> reading{0};   // which part's reader is about to block in read()
  std::atomic<bool> job_resumed{false};
  std::atomic<bool> stop_key_typed{false};
  std::atomic<bool> shell_gave_up{false};  // a stop or continue did not come: said and ended
};

// The shell's guard (scaled) for a stop or continue that comes at once after the key or the
// SIGCONT: below the parent's await guard and the trace's %timeout 5.
constexpr double kShellGuardSeconds = 2.0;

// Reads one line from the terminal (canonical mode) and prints it. Stop signals at their
// default action; the read restarts by itself after a stop and continue.
int read_line(int tty, const char* who, int part, Shared& shared) {
  for (int s : {SIGTSTP, SIGTTIN, SIGTTOU}) signal(s, SIG_DFL);
  shared.reader = getpid();
  shared.reading = part;
  char buf[64];
  ssize_t n;
  do {
    n = read(tty, buf, sizeof buf);
  } while (n < 0 && errno == EINTR);
  if (n <= 0) ps::fail("read terminal");
  std::string line(buf, static_cast<std::size_t>(n));
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
  ps::say(who, ": read \"", line, "\" from the terminal");
  return 0;
}

void wait_until_reading(Shared& shared, int part) {
  ps::await([&] { return shared.reading == part; }, "the reader to be about to read");
  ps::check(ps::wait_for_state(shared.reader, "S"), "reader never blocked");
}

void type(int master, const char* text, std::size_t size) {
  ps::check(write(master, text, size) == static_cast<ssize_t>(size), "write master");
}

int shell(int tty, Shared& shared) {
  ps::tty::take_controlling_terminal(tty);
  for (int s : {SIGTSTP, SIGTTIN, SIGTTOU}) signal(s, SIG_IGN);

  // 1. A job in its own foreground process group.
  ps::Child job([&] {
    ps::check(setpgid(0, 0) == 0, "setpgid");
    ps::await([&] { return shared.job_in_foreground.load(); },
              "the job to be put in the foreground");
    return read_line(tty, "job", 1, shared);
  });
  const pid_t job_group = job.pid();
  setpgid(job.pid(), job_group);  // as shells do: whichever runs first
  ps::check(tcsetpgrp(tty, job_group) == 0, "tcsetpgrp job");
  ps::say("shell: job started in its own process group, in the foreground");
  shared.job_in_foreground = true;

  // A job that Ctrl+Z does not stop (or SIGCONT does not resume) would block waitpid for
  // good: the bounded waits say what did not happen instead, and the job's destructor ends it.
  ps::await([&] { return shared.stop_key_typed.load(); }, "the parent to type Ctrl+Z");
  ps::Status st = job.wait_within(WUNTRACED, kShellGuardSeconds);
  if (!st.valid) {
    ps::say("shell: the job was not stopped by Ctrl+Z");
    shared.shell_gave_up = true;
    return 1;
  }
  ps::say("shell: job ", st.describe());
  if (st.stopped()) {
    ps::check(tcsetpgrp(tty, getpgrp()) == 0, "tcsetpgrp shell");
    ps::say("shell: took the terminal back; now fg: terminal to the job, SIGCONT to its group");
    ps::check(tcsetpgrp(tty, job_group) == 0, "tcsetpgrp job");
    // the deviation: no SIGCONT reaches the stopped job
    st = job.wait_within(WUNTRACED | WCONTINUED, kShellGuardSeconds);
    if (!st.valid) {
      ps::say("shell: the stopped job was not continued by SIGCONT");
      shared.shell_gave_up = true;
      return 1;
    }
    ps::say("shell: job ", st.describe());
    shared.job_resumed = true;
    st = job.wait(WUNTRACED);
    ps::say("shell: job ", st.describe());
  }

  // 2. A process in the shell's own, orphaned, process group.
  ps::check(tcsetpgrp(tty, getpgrp()) == 0, "tcsetpgrp shell");
  ps::Child orphaned([&] { return read_line(tty, "orphaned-group process", 2, shared); });
  st = orphaned.wait(WUNTRACED);
  ps::say("shell: orphaned-group process ", st.describe());
  return 0;
}
}  // namespace

int main() {
  int master = -1;
  int slave = -1;
  ps::check(openpty(&master, &slave, nullptr, nullptr, nullptr) == 0, "openpty");
  ps::tty::enable_signal_keys(slave);
  ps::Shared<Shared> shared;

  ps::Child session_leader([&] {
    close(master);
    return shell(slave, *shared);
  });
  close(slave);

  wait_until_reading(*shared, 1);
  ps::say("parent: job is blocked reading the terminal; typing Ctrl+Z");
  type(master, "\x1a", 1);
  shared->stop_key_typed = true;
  ps::await([&] { return shared->job_resumed || shared->shell_gave_up; },
            "the shell to resume the job");
  if (!shared->job_resumed) {
    ps::say("parent: session leader ", session_leader.wait().describe());
    return 1;
  }
  ps::say("parent: typing \"fg line\"");
  type(master, "fg line\n", 8);

  wait_until_reading(*shared, 2);
  ps::say("parent: orphaned-group process is blocked reading the terminal; typing Ctrl+Z");
  type(master, "\x1a", 1);
  ps::say("parent: typing \"orphan line\"");
  type(master, "orphan line\n", 12);

  ps::say("parent: session leader ", session_leader.wait().describe());
  close(master);
  return 0;
}
