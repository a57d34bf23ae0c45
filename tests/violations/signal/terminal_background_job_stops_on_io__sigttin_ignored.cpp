// Violates SIG-38 as valgrind 3.19 does: SIGTTIN's default action is taken as "ignore", so
// the background read is not stopped (simulated by the job ignoring SIGTTIN: its read then
// fails with EIO).
#include <poll.h>
#include <pty.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <string>

#include "procsync.hpp"
#include "terminal.hpp"

namespace {
struct Shared {
  std::atomic<pid_t> reader{0};  // the process now reading the terminal
  std::atomic<int> reading{0};   // which reader is about to block in read()
  std::atomic<bool> reader_resumed{false};
  std::atomic<bool> foreground_job_may_start{false};
  // The TOSTOP writer holds its exit until the shell has reported its continue: waitpid
  // reports a continue only while the child lives, and the exit status of a zombie instead.
  std::atomic<bool> writer_stop_seen{false};
  std::atomic<bool> writer_continue_seen{false};
  std::atomic<pid_t> job_group{0};  // the last job started, for the parent to end if stuck
};

// Waits for `flag` for at most 5 s (a guard: scaled); false (and a line saying what never
// happened) after that, so that the caller can end what it started (ps::await would not).
bool await(const std::atomic<bool>& flag, const char* what) {
  const double limit = ps::scaled_timeout(5);
  const double deadline = ps::monotonic_seconds() + limit;
  while (!flag.load()) {
    if (ps::monotonic_seconds() > deadline) {
      ps::say("gave up after ", limit, " s waiting until ", what);
      return false;
    }
    ps::sleep_for(0.001);
  }
  return true;
}

void default_stop_signals() {
  for (int s : {SIGTSTP, SIGTTIN, SIGTTOU}) signal(s, SIG_DFL);
}

// Reads one line from the terminal (canonical mode) and prints it. The read restarts by
// itself after a stop and continue.
int read_line(int tty, const char* who, int reader, Shared& shared) {
  if (reader == 1) signal(SIGTTIN, SIG_IGN);
  shared.reader = getpid();
  shared.reading = reader;
  char buf[64];
  ssize_t n;
  do {
    n = read(tty, buf, sizeof buf);
  } while (n < 0 && errno == EINTR);
  if (n < 0) {
    ps::say(who, ": read ", ps::outcome(-1));
    return 1;
  }
  std::string line(buf, static_cast<std::size_t>(n));
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
  ps::say(who, ": read \"", line, "\" from the terminal");
  return 0;
}

// With `shared`, a write the shell saw stopped waits, once through, until the shell has
// reported the continue, so that the job is still alive for that wait.
int write_line(int tty, const char* who, const std::string& text, Shared* shared = nullptr) {
  const std::string line = text + "\n";
  ssize_t n;
  do {
    n = write(tty, line.data(), line.size());
  } while (n < 0 && errno == EINTR);
  if (n < 0) {
    ps::say(who, ": write ", ps::outcome(-1));
    return 1;
  }
  if (shared != nullptr && shared->writer_stop_seen.load())
    await(shared->writer_continue_seen, "the shell has reported the continue");
  ps::say(who, ": wrote \"", text, "\" to the terminal");
  return 0;
}

// Starts `body` in a child that is the only member of a new process group.
ps::Child start_job(Shared& shared, const std::function<int()>& body) {
  ps::Child job([&] {
    ps::check(setpgid(0, 0) == 0, "setpgid");
    default_stop_signals();
    return body();
  });
  setpgid(job.pid(), job.pid());  // as shells do: whichever runs first
  shared.job_group = job.pid();
  return job;
}

// A job reported stopped is still stopped a moment later (the kernel's job-control stop,
// 'T'), not run on by a platform that only tells the shell of the stop.
void report_kept_stopped(const ps::Child& job, const char* what) {
  ps::say("shell: the ", what,
          " stays stopped (state T): ", ps::stays_in_state(job.pid(), "T", 0.02) ? "yes" : "no");
}

// "fg": the terminal to the stopped job's group, SIGCONT to it; reports the continue.
void bring_to_foreground(int tty, ps::Child& job, const char* what) {
  ps::check(tcsetpgrp(tty, job.pid()) == 0, "tcsetpgrp job");
  ps::check(kill(-job.pid(), SIGCONT) == 0, "kill SIGCONT");
  ps::say("shell: fg: terminal to the ", what, ", SIGCONT to its group; it ",
          job.wait(WUNTRACED | WCONTINUED).describe());
}

int shell(int tty, Shared& shared) {
  ps::tty::take_controlling_terminal(tty);
  for (int s : {SIGTSTP, SIGTTIN, SIGTTOU}) signal(s, SIG_IGN);
  const pid_t own_group = getpgrp();

  // 1. A background job that reads.
  ps::Child reader =
      start_job(shared, [&] { return read_line(tty, "background reader", 1, shared); });
  ps::Status st = reader.wait(WUNTRACED);
  ps::say("shell: background reader ", st.describe());
  if (st.stopped()) {
    report_kept_stopped(reader, "reader");
    bring_to_foreground(tty, reader, "reader");
    shared.reader_resumed = true;
    st = reader.wait(WUNTRACED);
    ps::say("shell: reader ", st.describe());
  }
  ps::check(tcsetpgrp(tty, own_group) == 0, "tcsetpgrp shell");

  // 2. A background job that writes, TOSTOP clear.
  ps::Child writer = start_job(
      shared, [&] { return write_line(tty, "background writer", "written without TOSTOP"); });
  ps::say("shell: background writer, TOSTOP clear: ", writer.wait(WUNTRACED).describe());

  // 3. The same with TOSTOP set.
  termios t{};
  ps::check(tcgetattr(tty, &t) == 0, "tcgetattr");
  t.c_lflag |= TOSTOP;
  ps::check(tcsetattr(tty, TCSANOW, &t) == 0, "tcsetattr TOSTOP");
  ps::Child tostop_writer = start_job(
      shared, [&] { return write_line(tty, "background writer", "written with TOSTOP", &shared); });
  st = tostop_writer.wait(WUNTRACED);
  ps::say("shell: background writer, TOSTOP set: ", st.describe());
  if (st.stopped()) {
    report_kept_stopped(tostop_writer, "writer");
    shared.writer_stop_seen = true;  // before the SIGCONT: the writer reads it once resumed
    bring_to_foreground(tty, tostop_writer, "writer");
    shared.writer_continue_seen = true;
    ps::say("shell: writer ", tostop_writer.wait(WUNTRACED).describe());
  }
  ps::check(tcsetpgrp(tty, own_group) == 0, "tcsetpgrp shell");

  // 4. A foreground job that writes and reads, TOSTOP still set.
  ps::Child foreground = start_job(shared, [&] {
    if (!await(shared.foreground_job_may_start, "the shell gives the terminal to the job"))
      return 1;
    if (write_line(tty, "foreground job", "written in the foreground") != 0) return 1;
    return read_line(tty, "foreground job", 2, shared);
  });
  ps::check(tcsetpgrp(tty, foreground.pid()) == 0, "tcsetpgrp job");
  shared.foreground_job_may_start = true;
  ps::say("shell: foreground job ", foreground.wait(WUNTRACED).describe());
  ps::check(tcsetpgrp(tty, own_group) == 0, "tcsetpgrp shell");
  return 0;
}

bool wait_until_reading(Shared& shared, int reader) {
  const double limit = ps::scaled_timeout(5);
  const double deadline = ps::monotonic_seconds() + limit;
  while (shared.reading.load() != reader) {
    if (ps::monotonic_seconds() > deadline) {
      ps::say("parent: gave up after ", limit, " s waiting for reader ", reader);
      return false;
    }
    ps::sleep_for(0.001);
  }
  if (ps::wait_for_state(shared.reader, "S", 5)) return true;
  ps::say("parent: reader ", reader, " never blocked");
  return false;
}

// The experiment is stuck: ends the last job and the session leader (on return from main),
// so that nothing is left running.
int give_up(Shared& shared) {
  if (shared.job_group.load() > 0) kill(-shared.job_group.load(), SIGKILL);
  return 1;
}

void type(int master, const std::string& text) {
  ps::check(write(master, text.data(), text.size()) == static_cast<ssize_t>(text.size()),
            "write master");
}

// Everything the jobs wrote, line by line, once every slave descriptor is closed.
void print_terminal_output(int master) {
  std::string all;
  char buf[256];
  for (;;) {
    pollfd p{master, POLLIN, 0};
    if (poll(&p, 1, 2000) <= 0) break;  // nothing more within 2 s
    const ssize_t n = read(master, buf, sizeof buf);
    if (n <= 0) break;  // EIO once the slave side is closed and drained
    all.append(buf, static_cast<std::size_t>(n));
  }
  std::size_t start = 0;
  while (start < all.size()) {
    std::size_t end = all.find('\n', start);
    if (end == std::string::npos) end = all.size();
    std::string line = all.substr(start, end - start);
    while (!line.empty() && line.back() == '\r') line.pop_back();
    ps::say("parent: the terminal showed \"", line, "\"");
    start = end + 1;
  }
}
}  // namespace

int main() {
  int master = -1;
  int slave = -1;
  ps::check(openpty(&master, &slave, nullptr, nullptr, nullptr) == 0, "openpty");
  ps::tty::enable_signal_keys(slave);
  termios t{};
  ps::check(tcgetattr(slave, &t) == 0, "tcgetattr");
  t.c_lflag &= ~static_cast<tcflag_t>(ECHO | TOSTOP);
  t.c_lflag |= ICANON;
  ps::check(tcsetattr(slave, TCSANOW, &t) == 0, "tcsetattr");
  ps::Shared<Shared> shared;

  ps::Child session_leader([&] {
    close(master);
    return shell(slave, *shared);
  });
  close(slave);

  if (!await(shared->reader_resumed, "the background reader is brought to the foreground") ||
      !wait_until_reading(*shared, 1))
    return give_up(*shared);
  ps::say("parent: reader is blocked reading the terminal in the foreground; typing \"fg line\"");
  type(master, "fg line\n");

  if (!wait_until_reading(*shared, 2)) return give_up(*shared);
  ps::say("parent: foreground job is blocked reading; typing \"foreground line\"");
  type(master, "foreground line\n");

  ps::say("parent: session leader ", session_leader.wait().describe());
  print_terminal_output(master);
  close(master);
  return 0;
}
