#include "runner.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <random>
#include <regex>
#include <sstream>
#include <utility>

namespace procsync {

namespace {

double now() {
  timespec ts{};
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

// A file descriptor that closes itself.
class Fd {
 public:
  Fd() = default;
  explicit Fd(int fd) : fd_(fd) {}
  Fd(Fd&& o) noexcept : fd_(std::exchange(o.fd_, -1)) {}
  Fd& operator=(Fd&& o) noexcept {
    reset(std::exchange(o.fd_, -1));
    return *this;
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() { reset(); }
  int get() const { return fd_; }
  explicit operator bool() const { return fd_ >= 0; }
  void reset(int fd = -1) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = fd;
  }

 private:
  int fd_ = -1;
};

struct Pipe {
  Fd read, write;
};

Pipe make_pipe() {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0)
    throw std::runtime_error(fmt::format("pipe2: {}", std::strerror(errno)));
  return {Fd(fds[0]), Fd(fds[1])};
}

void set_nonblock(int fd) {
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
}

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
  return command;  // execv then fails with ENOENT, which is reported
}

struct ChildInfo {
  pid_t pid;
  char state;
  std::string comm;
};

// The harness is a child subreaper, so every orphaned descendant becomes its child.
std::vector<ChildInfo> own_children() {
  std::vector<ChildInfo> out;
  const pid_t self = ::getpid();
  DIR* d = ::opendir("/proc");
  if (d == nullptr) return out;
  while (dirent* e = ::readdir(d)) {
    char* end = nullptr;
    const long pid = std::strtol(e->d_name, &end, 10);
    if (end == e->d_name || *end != '\0') continue;
    pid_t ppid = 0;
    char state = '?';
    std::string comm;
    if (read_stat(static_cast<pid_t>(pid), ppid, state, comm) && ppid == self)
      out.push_back({static_cast<pid_t>(pid), state, comm});
  }
  ::closedir(d);
  return out;
}

struct Run {
  const RunOptions& o;
  Observation obs;
  pid_t pid = -1;
  pid_t program_pid = -1;  // the program's main process, from its start mark (else pid)
  bool reaped = false;
  bool main_stopped = false;
  int stop_signal = 0;
  double t_spawn = 0;
  double zero = 0;
  bool zero_known = false;
  double t_end = 0;
  double t_first_line = -1;
  double t_last_line = -1;
  std::vector<std::pair<double, std::string>> raw_lines;  // absolute arrival times
  std::string partial;
  bool partial_cut = false;
  std::string token;
  std::string work_dir;
  Fd out_fd, err_fd, start_fd, stdin_fd, sig_fd;
  std::string start_buf;
  std::size_t next_stimulus = 0;
  bool interrupted = false;
  bool end_frozen = false;  // the end was decided (stopped, timeout): later kills do not count

  explicit Run(const RunOptions& opts) : o(opts) {}

  void add_line(double t, std::string text) {
    if (raw_lines.size() >= o.max_lines) {
      obs.output_truncated = true;
      obs.discarded_bytes += text.size() + 1;
      return;
    }
    if (t_first_line < 0) t_first_line = t;
    t_last_line = t;
    raw_lines.emplace_back(t, std::move(text));
  }

  void read_stdout() {
    std::array<char, 65536> buf;
    for (;;) {
      const ssize_t n = ::read(out_fd.get(), buf.data(), buf.size());
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        if (n == 0) {
          if (!partial.empty()) add_line(now(), std::move(partial));
          partial.clear();
          out_fd.reset();
        }
        return;
      }
      const double t = now();
      // Split on newlines with memchr: a program flooding hundreds of megabytes must not
      // cost a step per byte.
      const char* p = buf.data();
      const char* end = buf.data() + n;
      while (p < end) {
        const char* nl =
            static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
        const char* stop = nl != nullptr ? nl : end;
        append_partial(p, static_cast<std::size_t>(stop - p));
        if (nl == nullptr) break;
        add_line(t, std::move(partial));
        partial.clear();
        partial_cut = false;
        p = nl + 1;
      }
    }
  }

  // Keeps at most max_line_bytes of a line; the rest is counted as discarded.
  void append_partial(const char* data, std::size_t size) {
    const std::size_t room = o.max_line_bytes - std::min(o.max_line_bytes, partial.size());
    partial.append(data, std::min(room, size));
    if (size > room) {
      if (!partial_cut) partial += " [line cut]";
      partial_cut = true;
      obs.discarded_bytes += size - room;
    }
  }

  void read_stderr() {
    std::array<char, 16384> buf;
    for (;;) {
      const ssize_t n = ::read(err_fd.get(), buf.data(), buf.size());
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        if (n == 0) err_fd.reset();
        return;
      }
      const std::size_t room =
          o.max_stderr_bytes - std::min(o.max_stderr_bytes, obs.stderr_text.size());
      obs.stderr_text.append(buf.data(), std::min(room, static_cast<std::size_t>(n)));
      if (static_cast<std::size_t>(n) > room) obs.stderr_truncated = true;
    }
  }

  void read_start() {
    char buf[128];
    for (;;) {
      const ssize_t n = ::read(start_fd.get(), buf, sizeof buf);
      if (n > 0) {
        start_buf.append(buf, static_cast<std::size_t>(n));
        if (start_buf.find('\n') != std::string::npos) break;
        continue;
      }
      if (n < 0 && errno == EINTR) continue;
      if (n < 0 && errno == EAGAIN) return;
      break;  // end of file: the program closed the descriptor (or exec'd without fixtures)
    }
    start_fd.reset();
    // "start <seconds>": the program's CLOCK_MONOTONIC when its own code began. Trusted only
    // when it lies between the spawn and now (a sandbox may have a clock of its own).
    const double arrived = now();
    double stamp = 0;
    if (std::sscanf(start_buf.c_str(), "start %lf", &stamp) == 1 && stamp >= t_spawn - 0.001 &&
        stamp <= arrived + 0.001) {
      zero = stamp;
      zero_known = true;
      obs.start_mark = true;
      obs.startup_latency = stamp - t_spawn;
    }
    // "... pid <pid>": the program's main process, when a launcher stays its parent (proot).
    // Only a process of the program's own group is believed.
    const auto at = start_buf.find(" pid ");
    if (at != std::string::npos) {
      const long claimed = std::strtol(start_buf.c_str() + at + 5, nullptr, 10);
      if (claimed > 0 && ::getpgid(static_cast<pid_t>(claimed)) == pid)
        program_pid = static_cast<pid_t>(claimed);
    }
  }

  void reap() {
    for (;;) {
      int st = 0;
      const pid_t p = ::waitpid(-1, &st, WNOHANG | WUNTRACED | WCONTINUED | __WALL);
      if (p <= 0) return;
      if (p != pid) continue;  // orphaned descendants: reaped and forgotten
      if (end_frozen) {
        if (WIFEXITED(st) || WIFSIGNALED(st)) reaped = true;
        continue;
      }
      if (WIFSTOPPED(st)) {
        main_stopped = true;
        stop_signal = WSTOPSIG(st);
      } else if (WIFCONTINUED(st)) {
        main_stopped = false;
      } else if (WIFEXITED(st) || WIFSIGNALED(st)) {
        reaped = true;
        t_end = now();
        if (WIFEXITED(st)) {
          obs.end.kind = ObservedEnd::Kind::Exit;
          obs.end.code = WEXITSTATUS(st);
        } else {
          obs.end.kind = ObservedEnd::Kind::Signal;
          obs.end.signal = WTERMSIG(st);
          obs.end.core = WCOREDUMP(st);
        }
      }
    }
  }

  void handle_signals() {
    signalfd_siginfo si{};
    while (::read(sig_fd.get(), &si, sizeof si) == static_cast<ssize_t>(sizeof si)) {
      if (si.ssi_signo == SIGCHLD)
        reap();
      else
        interrupted = true;
    }
    reap();  // SIGCHLD coalesces: always look
  }

  void perform(const Stimulus& s) {
    ObservedStimulus done;
    done.t = now();
    done.trace_line = s.line;
    done.what = s.describe();
    switch (s.kind) {
      case Stimulus::Kind::Signal:
        if (reaped)
          done.error = "the program had already ended";
        else if (::kill(program_pid > 0 ? program_pid : pid, s.signal) != 0)
          done.error = std::strerror(errno);
        break;
      case Stimulus::Kind::SignalGroup:
        if (reaped)
          done.error = "the program had already ended";
        else if (::kill(-pid, s.signal) != 0)
          done.error = std::strerror(errno);
        break;
      case Stimulus::Kind::Stdin: {
        if (!stdin_fd) {
          done.error = "stdin is closed";
          break;
        }
        const std::string data = s.data + "\n";
        if (::write(stdin_fd.get(), data.data(), data.size()) != static_cast<ssize_t>(data.size()))
          done.error = std::strerror(errno);
        break;
      }
      case Stimulus::Kind::CloseStdin:
        stdin_fd.reset();
        break;
    }
    obs.stimuli.push_back(done);
  }

  // Stimuli go in trace order: a timed one at zero + T, an untimed one once every expected
  // line written before it has arrived.
  void drive_stimuli() {
    while (next_stimulus < o.stimuli.size()) {
      const Stimulus& s = o.stimuli[next_stimulus];
      const bool due =
          s.at ? (zero_known && now() >= zero + *s.at) : raw_lines.size() >= s.after_lines;
      if (!due) return;
      perform(s);
      ++next_stimulus;
    }
  }

  double next_wakeup(double deadline) const {
    double w = deadline;
    if (next_stimulus < o.stimuli.size()) {
      const Stimulus& s = o.stimuli[next_stimulus];
      if (s.at && zero_known) w = std::min(w, zero + *s.at);
    }
    return w;
  }

  void spawn() {
    Pipe out = make_pipe(), err = make_pipe(), start = make_pipe(), exec_err = make_pipe();
    Pipe in;
    const bool wants_stdin = std::any_of(o.stimuli.begin(), o.stimuli.end(), [](const Stimulus& s) {
      return s.kind == Stimulus::Kind::Stdin || s.kind == Stimulus::Kind::CloseStdin;
    });
    if (wants_stdin) in = make_pipe();

    std::vector<std::string> words = o.launcher;
    words.push_back(o.program);
    words.insert(words.end(), o.args.begin(), o.args.end());
    std::vector<char*> argv;
    for (auto& w : words) argv.push_back(w.data());
    argv.push_back(nullptr);

    std::string launcher_text;
    for (const auto& w : o.launcher) launcher_text += (launcher_text.empty() ? "" : " ") + w;
    std::vector<std::string> env_words = {
        "PROCSYNC_START_FD=3",
        "PROCSYNC_TOKEN=" + token,
        "PROCSYNC_WORK_DIR=" + work_dir,
        "TMPDIR=" + work_dir,
        "PROCSYNC_SELF=" + o.program,
        "PROCSYNC_LAUNCHER=" + launcher_text,
        "PROCSYNC_DATA_DIR=" + o.data_dir,
    };
    const std::string resolved = find_in_path(words[0]);
    const pid_t parent = ::getpid();
    t_spawn = now();
    pid = ::fork();
    if (pid < 0) throw std::runtime_error(fmt::format("fork: {}", std::strerror(errno)));
    if (pid == 0) {
      // The program: its own process group, killed if the harness dies, clean signal state.
      ::setpgid(0, 0);
      ::prctl(PR_SET_PDEATHSIG, SIGKILL);
      if (::getppid() != parent) ::_exit(127);
      for (int s = 1; s < NSIG; ++s) {
        if (s == SIGKILL || s == SIGSTOP) continue;
        ::signal(s, SIG_DFL);
      }
      sigset_t none;
      sigemptyset(&none);
      ::sigprocmask(SIG_SETMASK, &none, nullptr);
      const int devnull = ::open("/dev/null", O_RDONLY);
      ::dup2(wants_stdin ? in.read.get() : devnull, 0);
      ::dup2(out.write.get(), 1);
      ::dup2(err.write.get(), 2);
      ::dup2(start.write.get(), 3);
      ::dup2(exec_err.write.get(), 4);
      ::fcntl(4, F_SETFD, FD_CLOEXEC);
      ::close_range(5, ~0U, 0);
      for (const auto& e : env_words) ::putenv(const_cast<char*>(e.c_str()));
      if (::chdir(work_dir.c_str()) != 0) {
        const int e = errno;
        (void)!::write(4, &e, sizeof e);
        ::_exit(127);
      }
      // execv on a path searched here: execvp would run a file it cannot execute (a binary
      // for another architecture) with /bin/sh instead of failing with ENOEXEC.
      ::execv(resolved.c_str(), argv.data());
      const int e = errno;
      (void)!::write(4, &e, sizeof e);
      ::_exit(127);
    }
    ::setpgid(pid, pid);  // also here, so that the group exists before any stimulus
    exec_err.write.reset();
    int e = 0;
    ssize_t n;
    do {
      n = ::read(exec_err.read.get(), &e, sizeof e);
    } while (n < 0 && errno == EINTR);
    if (n == static_cast<ssize_t>(sizeof e)) {
      obs.spawn_error = fmt::format("cannot start '{}': {}", words[0], std::strerror(e));
      if (e == ENOEXEC)
        obs.spawn_error += " (a program for another architecture? set PROCSYNC_LAUNCHER)";
    }
    out_fd = std::move(out.read);
    err_fd = std::move(err.read);
    start_fd = std::move(start.read);
    if (wants_stdin) {
      stdin_fd = std::move(in.write);
      set_nonblock(stdin_fd.get());
    }
    set_nonblock(out_fd.get());
    set_nonblock(err_fd.get());
    set_nonblock(start_fd.get());
  }

  // Kills every descendant: the program's group while it exists, then every process the
  // subreaper inherits, until nothing is left to wait for.
  // Once the program is reaped: reaps what else has ended, and says whether some child (a
  // descendant the subreaper inherited) still exists.
  bool has_children() {
    pid_t p;
    do {
      errno = 0;
      p = ::waitpid(-1, nullptr, WNOHANG | __WALL);
    } while (p > 0);
    return !(p < 0 && errno == ECHILD);
  }

  void kill_everything() {
    if (reaped && !has_children()) return;
    const double give_up = now() + 10.0;
    for (;;) {
      if (!reaped && pid > 0) {
        // SIGKILL first: it ends stopped processes too, while a SIGCONT before it would let
        // a stopped program run and print for a moment.
        ::kill(-pid, SIGKILL);
        ::kill(pid, SIGKILL);
        ::kill(-pid, SIGCONT);
      }
      for (const auto& c : own_children()) {
        ::kill(c.pid, SIGKILL);
        ::kill(c.pid, SIGCONT);
      }
      reap();
      errno = 0;
      if (::waitpid(-1, nullptr, WNOHANG | __WALL) < 0 && errno == ECHILD) return;
      if (now() > give_up) return;
      ::usleep(1000);
    }
  }

  // A harness killed outright (SIGKILL from an outer timeout) cannot clean up after its run.
  // Names carry the harness's pid (procsync.<pid>-<hex>...): whatever a dead harness's run
  // left in the temporary directory or /dev/shm is removed by the next run.
  void sweep_stale(const std::string& tmp_dir) {
    namespace fs = std::filesystem;
    static const std::regex owned(R"(^(sem\.)?procsync\.([0-9]+)-[0-9a-f]{8}\..*)");
    for (const std::string& dir : {tmp_dir, std::string("/dev/shm")}) {
      std::error_code ec;
      for (const auto& e : fs::directory_iterator(dir, ec)) {
        const std::string name = e.path().filename().string();
        std::smatch m;
        if (!std::regex_match(name, m, owned)) continue;
        const pid_t owner = static_cast<pid_t>(std::stol(m[2].str()));
        if (owner == ::getpid() || ::kill(owner, 0) == 0 || errno != ESRCH) continue;
        std::error_code rm;
        if (fs::remove_all(e.path(), rm) > 0)
          obs.removed_objects.push_back(e.path().string() +
                                        " (left by an earlier run whose harness was killed)");
      }
    }
  }

  void remove_named_objects() {
    namespace fs = std::filesystem;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator("/dev/shm", ec)) {
      const std::string name = e.path().filename().string();
      if (name.find(token) == std::string::npos) continue;
      if (fs::remove(e.path(), ec)) obs.removed_objects.push_back("/dev/shm/" + name);
    }
    fs::remove_all(work_dir, ec);
  }

  void loop() {
    const double deadline = t_spawn + o.timeout;
    // Without a start mark, time zero falls back to the spawn once the program shows life.
    auto settle_zero = [&]() {
      if (!zero_known) {
        zero = t_spawn;
        zero_known = true;
      }
    };
    for (;;) {
      const double t = now();
      if (reaped) {
        if (start_fd) read_start();  // a mark written by a program that has already ended
        if (!out_fd && !err_fd) break;
        if (t >= t_end + o.grace) break;
      } else {
        if (t >= deadline) {
          obs.timed_out = true;
          end_frozen = true;
          t_end = t;
          break;
        }
        if (main_stopped && next_stimulus >= o.stimuli.size()) {
          obs.end.kind = ObservedEnd::Kind::Stopped;
          obs.end.signal = stop_signal;
          t_end = t;
          end_frozen = true;
          break;
        }
      }
      if (interrupted) {
        end_frozen = true;
        break;
      }
      const double wake = reaped ? t_end + o.grace : next_wakeup(deadline);
      const int ms = std::max(0, static_cast<int>((wake - t) * 1000.0) + 1);
      std::vector<pollfd> fds;
      fds.push_back({sig_fd.get(), POLLIN, 0});
      if (out_fd) fds.push_back({out_fd.get(), POLLIN, 0});
      if (err_fd) fds.push_back({err_fd.get(), POLLIN, 0});
      if (start_fd) fds.push_back({start_fd.get(), POLLIN, 0});
      const int r = ::poll(fds.data(), fds.size(), ms);
      if (r < 0 && errno != EINTR)
        throw std::runtime_error(fmt::format("poll: {}", std::strerror(errno)));
      // The start mark first: it must be known before the lines that follow it are timed.
      if (start_fd) {
        for (const auto& p : fds)
          if (p.fd == start_fd.get() && p.revents != 0) {
            read_start();
            break;
          }
      }
      if (out_fd) read_stdout();
      if (err_fd) read_stderr();
      handle_signals();
      if (!raw_lines.empty() || reaped) {
        if (!zero_known && !start_fd) settle_zero();
        if (!zero_known && t - t_spawn > 5.0) settle_zero();
      }
      if (!start_fd && !zero_known) settle_zero();
      drive_stimuli();
    }
    if (!zero_known) {
      zero = t_spawn;
      zero_known = true;
    }
  }

  Observation go() {
    ::prctl(PR_SET_CHILD_SUBREAPER, 1);
    ::signal(SIGPIPE, SIG_IGN);
    sigset_t mask;
    sigemptyset(&mask);
    for (int s : {SIGCHLD, SIGINT, SIGTERM, SIGHUP}) sigaddset(&mask, s);
    ::sigprocmask(SIG_BLOCK, &mask, nullptr);
    sig_fd.reset(::signalfd(-1, &mask, SFD_CLOEXEC | SFD_NONBLOCK));

    std::random_device rd;
    token = fmt::format("{}-{:08x}", ::getpid(), rd());
    obs.token = token;
    const char* tmp_env = std::getenv("TMPDIR");
    const std::string tmp = tmp_env != nullptr && *tmp_env != '\0' ? tmp_env : "/tmp";
    sweep_stale(tmp);
    std::string tmpl = fmt::format("{}/procsync.{}.XXXXXX", tmp, token);
    if (::mkdtemp(tmpl.data()) == nullptr)
      throw std::runtime_error(fmt::format("mkdtemp {}: {}", tmpl, std::strerror(errno)));
    work_dir = tmpl;

    spawn();
    if (obs.spawn_error.empty()) loop();
    if (!obs.spawn_error.empty()) {
      zero = t_spawn;
      zero_known = true;
    }
    const double t_loop_end = now();

    // Descendants still running after the end: give them the grace to finish exiting. The
    // common case, no child left at all, needs no look through /proc.
    if (reaped && !interrupted && has_children()) {
      for (;;) {
        bool running = false;
        for (const auto& c : own_children())
          if (c.state != 'Z' && c.state != 'X') running = true;
        if (!running || now() >= t_end + o.grace) break;
        reap();
        ::usleep(2000);
      }
      for (const auto& c : own_children())
        if (c.state != 'Z' && c.state != 'X')
          obs.leftovers.push_back(fmt::format("pid {} ({}) state {}", c.pid, c.comm, c.state));
    }
    kill_everything();
    // Whatever the killed processes still had in the pipes.
    if (out_fd) read_stdout();
    if (err_fd) read_stderr();
    if (!partial.empty()) add_line(now(), std::move(partial));
    if (interrupted) obs.spawn_error = "the harness was interrupted";
    remove_named_objects();

    for (auto& [t, text] : raw_lines) obs.lines.push_back({t - zero, std::move(text)});
    for (auto& s : obs.stimuli) s.t -= zero;
    obs.end_time = (t_end > 0 ? t_end : t_loop_end) - zero;
    obs.harness_startup = obs.start_mark
                              ? obs.startup_latency
                              : (t_first_line >= 0 ? t_first_line : t_loop_end) - t_spawn;
    // Measured from the later of the last line and the end; main() adds the comparison.
    obs.harness_teardown = now() - std::max(t_last_line, t_end);
    return std::move(obs);
  }
};

}  // namespace

std::vector<std::string> split_launcher(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> words;
  std::string w;
  while (in >> w) words.push_back(w);
  return words;
}

Observation run_program(const RunOptions& options) {
  Run run(options);
  return run.go();
}

}  // namespace procsync
