#include "process.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <sched.h>
#include <sys/prctl.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "protocol.hpp"

extern char** environ;

namespace procsync {

namespace {

// Parent pid and state of a process, from /proc/<pid>/stat.
bool read_stat(pid_t pid, pid_t& ppid, char& state, std::string& comm) {
  std::ifstream in(fmt::format("/proc/{}/stat", pid));
  std::string s;
  if (!std::getline(in, s)) return false;
  const auto open = s.find('(');
  const auto close = s.rfind(')');
  if (open == std::string::npos || close == std::string::npos || close + 4 > s.size()) return false;
  comm = s.substr(open + 1, close - open - 1);
  std::istringstream rest(s.substr(close + 2));
  rest >> state >> ppid;
  return static_cast<bool>(rest);
}

// The command's path: as given when it holds a '/', else the first executable on PATH.
std::string find_in_path(const std::string& command) {
  if (command.find('/') != std::string::npos) return command;
  const char* path = std::getenv("PATH");
  std::istringstream dirs(path != nullptr ? path : "/usr/local/bin:/usr/bin:/bin");
  std::string dir;
  while (std::getline(dirs, dir, ':')) {
    const std::string candidate = (dir.empty() ? "." : dir) + "/" + command;
    if (::access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return command;  // execve then fails with ENOENT, which is reported
}

std::vector<char*> c_strings(std::vector<std::string>& words) {
  std::vector<char*> out;
  for (auto& w : words) out.push_back(w.data());
  out.push_back(nullptr);
  return out;
}

}  // namespace

void Fd::reset(int fd) {
  if (fd_ >= 0) ::close(fd_);
  fd_ = fd;
}

Pipe make_pipe() {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0)
    throw std::runtime_error(fmt::format("pipe2: {}", std::strerror(errno)));
  return {Fd(fds[0]), Fd(fds[1])};
}

void set_nonblock(int fd) {
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
}

double monotonic_now() {
  timespec ts{};
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

std::vector<std::string> environment_with(const std::vector<std::string>& overrides) {
  std::vector<std::string> out = overrides;
  for (char** e = environ; e != nullptr && *e != nullptr; ++e) {
    const std::string_view entry(*e);
    const std::string_view name = entry.substr(0, entry.find('='));
    bool replaced = false;
    for (const auto& o : overrides)
      if (o.size() > name.size() && o.compare(0, name.size(), name) == 0 && o[name.size()] == '=')
        replaced = true;
    if (!replaced) out.emplace_back(entry);
  }
  return out;
}

Spawned spawn_program(const SpawnRequest& request) {
  constexpr int kExecErrorFd = ps::protocol::kStartFd + 1;
  enum : int { kExecFailed = 1, kChdirFailed, kSetnsFailed };  // what the child reports
  Pipe out = make_pipe(), err = make_pipe(), start = make_pipe(), exec_err = make_pipe();
  Pipe in;
  if (request.with_stdin) in = make_pipe();
  Fd devnull(::open("/dev/null", O_RDONLY | O_CLOEXEC));

  // Everything the child needs, built here: after fork it only calls async-signal-safe code.
  std::vector<std::string> argv_words = request.argv;
  std::vector<std::string> env_words = request.env;
  const std::vector<char*> argv = c_strings(argv_words);
  const std::vector<char*> envp = c_strings(env_words);
  const std::string resolved = find_in_path(argv_words.at(0));
  const pid_t parent = ::getpid();

  Spawned s;
  s.t_fork = monotonic_now();
  s.pid = ::fork();
  if (s.pid < 0) throw std::runtime_error(fmt::format("fork: {}", std::strerror(errno)));
  if (s.pid == 0) {
    // The program: its own process group, killed if the harness dies, clean signal state.
    ::setpgid(0, 0);
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    // In a PID namespace of its own, the parent (outside it) shows as pid 0.
    const pid_t seen_parent = ::getppid();
    if (seen_parent != parent && seen_parent != 0) ::_exit(127);
    // The namespace's fresh /proc; this also moves to its root, hence chdir after it.
    if (request.mount_namespace >= 0 && ::setns(request.mount_namespace, CLONE_NEWNS) != 0) {
      const int failure[2] = {kSetnsFailed, errno};
      (void)!::write(exec_err.write.get(), failure, sizeof failure);
      ::_exit(127);
    }
    for (int sig = 1; sig < NSIG; ++sig) {
      if (sig == SIGKILL || sig == SIGSTOP) continue;
      ::signal(sig, SIG_DFL);
    }
    sigset_t none;
    sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    ::dup2(request.with_stdin ? in.read.get() : devnull.get(), 0);
    ::dup2(out.write.get(), 1);
    ::dup2(err.write.get(), 2);
    ::dup2(start.write.get(), ps::protocol::kStartFd);
    ::dup2(exec_err.write.get(), kExecErrorFd);
    ::fcntl(kExecErrorFd, F_SETFD, FD_CLOEXEC);
    ::close_range(kExecErrorFd + 1, ~0U, 0);
    if (::chdir(request.work_dir.c_str()) != 0) {
      const int failure[2] = {kChdirFailed, errno};
      (void)!::write(kExecErrorFd, failure, sizeof failure);
      ::_exit(127);
    }
    // execve on a path searched before fork: execvpe would run a file it cannot execute (a
    // binary for another architecture) with /bin/sh instead of failing with ENOEXEC.
    ::execve(resolved.c_str(), argv.data(), envp.data());
    const int failure[2] = {kExecFailed, errno};
    (void)!::write(kExecErrorFd, failure, sizeof failure);
    ::_exit(127);
  }
  ::setpgid(s.pid, s.pid);  // also here, so that the group exists before any stimulus
  exec_err.write.reset();
  int failure[2] = {0, 0};  // the step that failed, its errno
  ssize_t n;
  do {
    n = ::read(exec_err.read.get(), failure, sizeof failure);
  } while (n < 0 && errno == EINTR);
  if (n == static_cast<ssize_t>(sizeof failure)) {
    const int e = failure[1];
    if (failure[0] == kExecFailed) {
      s.error = fmt::format("cannot start '{}': {}", argv_words[0], std::strerror(e));
      if (e == ENOEXEC) s.error += " (a program for another architecture? set PROCSYNC_LAUNCHER)";
    } else if (failure[0] == kChdirFailed) {
      s.error =
          fmt::format("cannot enter the work directory {}: {}", request.work_dir, std::strerror(e));
    } else {
      s.error = fmt::format("cannot join the run's mount namespace: {}", std::strerror(e));
    }
  }
  s.stdout_read = std::move(out.read);
  s.stderr_read = std::move(err.read);
  s.start_read = std::move(start.read);
  if (request.with_stdin) s.stdin_write = std::move(in.write);
  return s;
}

std::vector<ChildInfo> children_of(pid_t parent) {
  std::vector<ChildInfo> out;
  DIR* d = ::opendir("/proc");
  if (d == nullptr) return out;
  while (dirent* e = ::readdir(d)) {
    char* end = nullptr;
    const long pid = std::strtol(e->d_name, &end, 10);
    if (end == e->d_name || *end != '\0') continue;
    pid_t ppid = 0;
    char state = '?';
    std::string comm;
    if (read_stat(static_cast<pid_t>(pid), ppid, state, comm) && ppid == parent)
      out.push_back({static_cast<pid_t>(pid), state, comm});
  }
  ::closedir(d);
  return out;
}

}  // namespace procsync
