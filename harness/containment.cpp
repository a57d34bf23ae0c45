#include "containment.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <poll.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <string_view>

namespace procsync {

namespace {

// What the init reports once it is ready: the step that failed and its errno (0: none).
struct InitReport {
  int step = 0;
  int error = 0;
};
constexpr const char* kInitSteps[] = {"", "unshare(CLONE_NEWNS)", "mount --make-rprivate /",
                                      "mount proc on /proc"};

void on_child(int) {}

// The namespace's init, PID 1 in it. It dies with the harness (PR_SET_PDEATHSIG, and when
// the harness's end of `life` closes), mounts the namespace's own /proc in a private mount
// namespace, then only reaps: it ignores every signal but SIGCHLD and forwards nothing
// (SIGKILL from the harness still kills it). Only async-signal-safe calls: it is a fork of
// the harness.
[[noreturn]] void run_init(int life_fd, int report_fd) {
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  // Nothing of the harness's stays open in it (its output pipes, the program's pipes): only
  // the two pipes it needs, as descriptors 3 and 4, and /dev/null as 0, 1 and 2.
  const int life_high = ::fcntl(life_fd, F_DUPFD, 10);
  const int report_high = ::fcntl(report_fd, F_DUPFD, 10);
  const int life = 3, report = 4;
  ::dup2(life_high, life);
  ::dup2(report_high, report);
  ::close_range(report + 1, ~0U, 0);
  const int null = ::open("/dev/null", O_RDWR);
  for (int fd = 0; fd < 3; ++fd) ::dup2(null, fd);
  if (null > 2) ::close(null);
  pollfd gone{life, POLLIN, 0};
  if (::poll(&gone, 1, 0) > 0) ::_exit(0);  // the harness died before PR_SET_PDEATHSIG
  InitReport outcome;
  if (::unshare(CLONE_NEWNS) != 0)
    outcome = {1, errno};
  else if (::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0)
    outcome = {2, errno};  // else the new /proc would propagate to the host's mounts
  else if (::mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, nullptr) != 0)
    outcome = {3, errno};
  (void)!::write(report, &outcome, sizeof outcome);
  ::close(report);
  if (outcome.error != 0) ::_exit(1);

  // Out of the harness's process group (a terminal's ^C or ^Z is the harness's to handle),
  // and deaf to every signal but SIGCHLD (and SIGKILL, from the harness).
  ::setpgid(0, 0);
  for (int sig = 1; sig < NSIG; ++sig)
    if (sig != SIGKILL && sig != SIGSTOP && sig != SIGCHLD) ::signal(sig, SIG_IGN);
  struct sigaction sa {};
  sa.sa_handler = on_child;
  sigemptyset(&sa.sa_mask);
  ::sigaction(SIGCHLD, &sa, nullptr);
  sigset_t chld, none;
  sigemptyset(&chld);
  sigaddset(&chld, SIGCHLD);
  sigemptyset(&none);
  ::sigprocmask(SIG_BLOCK, &chld, nullptr);
  for (;;) {
    while (::waitpid(-1, nullptr, WNOHANG | __WALL) > 0) {
    }
    // SIGCHLD interrupts the wait; the harness's end closing ends the init.
    pollfd p{life, POLLIN, 0};
    if (::ppoll(&p, 1, nullptr, &none) > 0) ::_exit(0);
  }
}

std::string subreaper(std::string_view why) {
  return fmt::format("subreaper (pid namespace not used: {})", why);
}

}  // namespace

Containment Containment::enter() {
  Containment c;
  ::prctl(PR_SET_CHILD_SUBREAPER, 1);  // the fallback's, and harmless with the namespace
  const char* wanted = std::getenv("PROCSYNC_CONTAINMENT");
  if (wanted != nullptr && std::string_view(wanted) == "subreaper") {
    c.description_ = subreaper("PROCSYNC_CONTAINMENT=subreaper");
    return c;
  }
  Fd own_pid_ns(::open("/proc/self/ns/pid", O_RDONLY | O_CLOEXEC));
  if (::unshare(CLONE_NEWPID) != 0) {
    c.description_ = subreaper(fmt::format("unshare(CLONE_NEWPID): {}", std::strerror(errno)));
    return c;
  }
  // The harness stays where it is; its next child is the new namespace's init.
  Pipe life = make_pipe(), report = make_pipe();
  const pid_t init = ::fork();
  if (init < 0) throw std::runtime_error(fmt::format("fork: {}", std::strerror(errno)));
  if (init == 0) {
    life.write.reset();
    run_init(life.read.get(), report.write.get());
  }
  report.write.reset();
  life.read.reset();
  InitReport r;
  ssize_t n;
  do {
    n = ::read(report.read.get(), &r, sizeof r);
  } while (n < 0 && errno == EINTR);
  if (n == static_cast<ssize_t>(sizeof r) && r.error == 0) {
    c.mount_ns_.reset(::open(fmt::format("/proc/{}/ns/mnt", init).c_str(), O_RDONLY | O_CLOEXEC));
    if (c.mount_ns_) {
      c.init_ = init;
      c.init_alive_ = true;
      c.life_ = std::move(life.write);
      c.own_pid_ns_ = std::move(own_pid_ns);
      c.description_ = "pid namespace";
      return c;
    }
    r = {0, errno};
  }
  // The init could not set up: end it, and let later children be born in our own namespace
  // again (a namespace whose init is gone accepts no new process).
  ::kill(init, SIGKILL);
  ::waitpid(init, nullptr, __WALL);
  if (!own_pid_ns || ::setns(own_pid_ns.get(), CLONE_NEWPID) != 0)
    throw std::runtime_error(
        fmt::format("cannot return to the harness's pid namespace: {}", std::strerror(errno)));
  const std::string step = n == static_cast<ssize_t>(sizeof r) && r.step > 0
                               ? kInitSteps[r.step]
                               : std::string("open its /proc/<init>/ns/mnt");
  c.description_ = subreaper(
      fmt::format("{}: {}", step, r.error != 0 ? std::strerror(r.error) : "the init failed"));
  return c;
}

Containment::~Containment() {
  if (own_pid_ns_) ::setns(own_pid_ns_.get(), CLONE_NEWPID);
}

pid_t Containment::reaper() const {
  return in_namespace() ? init_ : ::getpid();
}

std::vector<ChildInfo> Containment::orphans() const {
  if (in_namespace() && !init_alive_) return {};
  return children_of(reaper());
}

void Containment::kill_all() const {
  if (in_namespace()) {
    if (init_alive_) ::kill(init_, SIGKILL);
    return;
  }
  for (const auto& c : children_of(::getpid())) {
    ::kill(c.pid, SIGKILL);
    ::kill(c.pid, SIGCONT);
  }
}

}  // namespace procsync
