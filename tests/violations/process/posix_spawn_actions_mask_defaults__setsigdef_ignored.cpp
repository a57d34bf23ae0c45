// Violates PRC-05: POSIX_SPAWN_SETSIGDEF ignored: SIGUSR2 stays ignored in the spawned program.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "procsync.hpp"

extern char** environ;

namespace {
constexpr int kOpenedFd = 10;  // opened by the file action
constexpr int kClosedFd = 11;  // open in the parent, closed by the file action
constexpr const char* kSpawned = "spawned";
constexpr char kWritten[] = "written through fd 10\n";

void on_term(int) {}

const char* disposition(int sig) {
  struct sigaction old {};
  if (::sigaction(sig, nullptr, &old) != 0) ps::fail("sigaction query");
  if (old.sa_handler == SIG_IGN) return "SIG_IGN";
  if (old.sa_handler == SIG_DFL) return "SIG_DFL";
  return "a handler";
}

const char* yes_no(bool b) {
  return b ? "yes" : "no";
}

int spawned() {
  const int flags = fcntl(kOpenedFd, F_GETFL);
  ps::say("spawned: fd 10 open for writing: ",
          yes_no(flags >= 0 && (flags & O_ACCMODE) == O_WRONLY));
  if (flags >= 0) ps::write_all(kOpenedFd, kWritten, sizeof kWritten - 1);
  ps::say("spawned: fd 11 closed: ", yes_no(fcntl(kClosedFd, F_GETFD) < 0 && errno == EBADF));
  sigset_t mask;
  ps::check(sigprocmask(SIG_SETMASK, nullptr, &mask) == 0, "sigprocmask");
  ps::say("spawned: blocked: SIGUSR1 ", yes_no(sigismember(&mask, SIGUSR1) == 1), ", SIGINT ",
          yes_no(sigismember(&mask, SIGINT) == 1));
  ps::say("spawned: SIGUSR2 ", disposition(SIGUSR2), ", SIGHUP ", disposition(SIGHUP), ", SIGTERM ",
          disposition(SIGTERM));
  return 3;
}

// The command line that runs this program again: the launcher's words (PROCSYNC_LAUNCHER, e.g.
// "qemu-aarch64 -L /usr/aarch64-linux-gnu"), the program's path, the arguments. Local: the
// fixtures' exec_self execs instead of returning the words.
std::vector<std::string> self_command(const std::string& arg) {
  std::vector<std::string> words;
  const char* launcher = std::getenv(ps::protocol::kEnvLauncher.data());
  const std::string l = launcher != nullptr ? launcher : "";
  std::size_t i = 0;
  while (i < l.size()) {
    while (i < l.size() && l[i] == ' ') ++i;
    const std::size_t j = l.find(' ', i);
    const std::size_t end = j == std::string::npos ? l.size() : j;
    if (end > i) words.push_back(l.substr(i, end - i));
    i = end;
  }
  const char* self = std::getenv(ps::protocol::kEnvSelf.data());
  if (self == nullptr || *self == '\0') {
    errno = ENOENT;
    ps::fail("PROCSYNC_SELF is not set (run through the harness)");
  }
  words.emplace_back(self);
  words.push_back(arg);
  return words;
}

std::string wait_status(pid_t pid) {
  ps::Status s;
  pid_t r;
  while ((r = ::waitpid(pid, &s.raw, 0)) < 0 && errno == EINTR) {
  }
  if (r != pid) ps::fail("waitpid");
  s.valid = true;
  return s.describe();
}
}  // namespace

int main(int argc, char** argv) {
  if (argc > 1 && std::strcmp(argv[1], kSpawned) == 0) return spawned();

  // The parent's own state, which the spawn must not simply pass on.
  struct sigaction ign {};
  ign.sa_handler = SIG_IGN;
  sigemptyset(&ign.sa_mask);
  ps::check(sigaction(SIGHUP, &ign, nullptr) == 0 && sigaction(SIGUSR2, &ign, nullptr) == 0,
            "sigaction SIG_IGN");
  ps::install(SIGTERM, on_term);
  const ps::BlockedSignals parent_mask{SIGINT};
  const int devnull = open("/dev/null", O_RDONLY);
  ps::check(devnull >= 0 && dup2(devnull, kClosedFd) == kClosedFd, "dup2 to fd 11");
  close(devnull);
  ps::say("parent: SIGHUP and SIGUSR2 ignored, SIGTERM caught, SIGINT blocked, fd 11 open");

  const ps::WorkFile out("posix_spawn.out");
  posix_spawn_file_actions_t actions;
  ps::check_rc(posix_spawn_file_actions_init(&actions), "file_actions_init");
  ps::check_rc(posix_spawn_file_actions_addopen(&actions, kOpenedFd, out.path().c_str(),
                                                O_WRONLY | O_TRUNC, 0600),
               "addopen");
  ps::check_rc(posix_spawn_file_actions_addclose(&actions, kClosedFd), "addclose");
  posix_spawnattr_t attr;
  ps::check_rc(posix_spawnattr_init(&attr), "spawnattr_init");
  sigset_t child_mask, defaults;
  sigemptyset(&child_mask);
  sigaddset(&child_mask, SIGUSR1);
  sigemptyset(&defaults);
  sigaddset(&defaults, SIGUSR2);
  ps::check_rc(posix_spawnattr_setsigmask(&attr, &child_mask), "setsigmask");
  ps::check_rc(posix_spawnattr_setsigdefault(&attr, &defaults), "setsigdefault");
  ps::check_rc(posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK), "setflags");
  ps::say("parent: posix_spawn with: open fd 10, close fd 11; mask {SIGUSR1}; SIGUSR2 to default");

  std::vector<std::string> words = self_command(kSpawned);
  std::vector<char*> args;
  for (auto& w : words) args.push_back(w.data());
  args.push_back(nullptr);
  pid_t pid = -1;
  const int rc = posix_spawnp(&pid, args[0], &actions, &attr, args.data(), environ);
  if (rc != 0) {
    ps::say("parent: posix_spawn failed: ", ps::errno_name(rc));
    return 1;
  }
  // Printed after the wait, so that the line cannot race the spawned program's own.
  ps::say("parent: posix_spawn returned 0; the spawned child ", wait_status(pid));

  char buf[128] = {};
  const int fd = out.open_rw();
  const ssize_t n = read(fd, buf, sizeof buf - 1);
  close(fd);
  std::string content(buf, n > 0 ? static_cast<std::size_t>(n) : 0);
  if (!content.empty() && content.back() == '\n') content.pop_back();
  ps::say("parent: the file holds: ", content);

  // A program that does not exist: an error from posix_spawn, or a child that exits 127.
  char missing[] = "/nonexistent/procsync-no-such-program";
  char* const missing_argv[] = {missing, nullptr};
  pid_t missing_pid = -1;
  const int mrc = posix_spawn(&missing_pid, missing, nullptr, nullptr, missing_argv, environ);
  if (mrc != 0) {
    ps::say("parent: posix_spawn of a missing program: ", ps::errno_name(mrc));
  } else {
    ps::say("parent: posix_spawn of a missing program: returned 0, the child ",
            wait_status(missing_pid));
  }
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  return 0;
}
