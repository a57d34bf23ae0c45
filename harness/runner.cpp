#include "runner.hpp"

#include <fmt/format.h>
#include <poll.h>
#include <sys/signalfd.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>

#include "cleanup.hpp"
#include "containment.hpp"
#include "process.hpp"
#include "protocol.hpp"
#include "start_mark.hpp"

namespace procsync {

namespace {

namespace protocol = ps::protocol;

double now() {
  return monotonic_now();
}

// The pid, as the harness sees it, of the process of `group` whose innermost pid is `inner`
// (the last field of "NSpid:" in /proc/<pid>/status): a program in the run's PID namespace
// reports the pid it sees itself. -1 when no such process is in the group.
pid_t outer_pid_in_group(pid_t inner, pid_t group) {
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator("/proc", ec)) {
    const std::string name = entry.path().filename().string();
    if (name.empty() || name.find_first_not_of("0123456789") != std::string::npos) continue;
    const pid_t candidate = static_cast<pid_t>(std::stol(name));
    if (::getpgid(candidate) != group) continue;
    std::ifstream status(entry.path() / "status");
    std::string line;
    while (std::getline(status, line)) {
      if (line.rfind("NSpid:", 0) != 0) continue;
      const auto last = line.find_last_of(" \t");
      if (last != std::string::npos && line.substr(last + 1) == std::to_string(inner))
        return candidate;
      break;
    }
  }
  return -1;
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
  Fd work_dir_lock;  // held while the run lives: see hold_work_dir()
  Containment containment;
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
    const auto mark = parse_start_mark(start_buf.substr(0, start_buf.find('\n')));
    if (!mark) return;  // no mark (a program without the fixtures): settle_time_zero decides
    obs.start_mark_seen = true;
    obs.program_protocol = mark->version;
    // The program's main process, when a launcher stays its parent (proot): believed only
    // when it is in the program's process group. In the run's PID namespace the mark gives
    // the pid the program sees, which is not the harness's.
    if (mark->pid && *mark->pid > 0) {
      const auto marked = static_cast<pid_t>(*mark->pid);
      if (containment.in_namespace()) {
        const pid_t outer = outer_pid_in_group(marked, pid);
        if (outer > 0) program_pid = outer;
      } else if (::getpgid(marked) == pid) {
        program_pid = marked;
      }
    }
    // The stamp is trusted only when it lies between the spawn and now (a sandbox may have a
    // clock of its own).
    if (mark->stamp >= t_spawn - 0.001 && mark->stamp <= now() + 0.001) {
      zero = mark->stamp;
      zero_known = true;
      obs.start_mark = true;
      obs.startup_latency = mark->stamp - t_spawn;
    }
  }

  // Time zero, the one place it is decided: the program's start mark when it sent a trusted
  // one (read_start); otherwise the spawn, once no mark can come any more: its descriptor is
  // closed, the program showed life (a line, its end) 5 s ago without one, or the run is over.
  void settle_time_zero(double t, bool run_over) {
    if (zero_known) return;
    const bool showed_life = !raw_lines.empty() || reaped;
    if (run_over || !start_fd || (showed_life && t - t_spawn > 5.0)) {
      zero = t_spawn;
      zero_known = true;
    }
  }

  void reap() {
    for (;;) {
      int st = 0;
      const pid_t p = ::waitpid(-1, &st, WNOHANG | WUNTRACED | WCONTINUED | __WALL);
      if (p <= 0) return;
      if (p != pid) {  // orphaned descendants (or the namespace's init): reaped and forgotten
        if (WIFEXITED(st) || WIFSIGNALED(st)) containment.reaped(p);
        continue;
      }
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
    SpawnRequest req;
    req.with_stdin = std::any_of(o.stimuli.begin(), o.stimuli.end(), [](const Stimulus& s) {
      return s.kind == Stimulus::Kind::Stdin || s.kind == Stimulus::Kind::CloseStdin;
    });
    req.argv = o.launcher;
    req.argv.push_back(o.program);
    req.argv.insert(req.argv.end(), o.args.begin(), o.args.end());
    std::string launcher_text;
    for (const auto& w : o.launcher) launcher_text += (launcher_text.empty() ? "" : " ") + w;
    auto var = [](std::string_view name, const std::string& value) {
      return std::string(name) + "=" + value;
    };
    req.env = environment_with({
        var(protocol::kEnvProtocol, std::to_string(protocol::kVersion)),
        var(protocol::kEnvStartFd, std::to_string(protocol::kStartFd)),
        var(protocol::kEnvToken, token),
        var(protocol::kEnvWorkDir, work_dir),
        var("TMPDIR", work_dir),
        var(protocol::kEnvSelf, o.program),
        var(protocol::kEnvLauncher, launcher_text),
        var(protocol::kEnvDataDir, o.data_dir),
        var(protocol::kEnvTimeFactor, fmt::format("{}", o.time_factor)),
    });
    req.work_dir = work_dir;
    req.mount_namespace = containment.mount_namespace();
    Spawned s = spawn_program(req);
    pid = s.pid;
    t_spawn = s.t_fork;
    obs.spawn_error = std::move(s.error);
    out_fd = std::move(s.stdout_read);
    err_fd = std::move(s.stderr_read);
    start_fd = std::move(s.start_read);
    if (req.with_stdin) {
      stdin_fd = std::move(s.stdin_write);
      set_nonblock(stdin_fd.get());
    }
    set_nonblock(out_fd.get());
    set_nonblock(err_fd.get());
    set_nonblock(start_fd.get());
  }

  // Once the program is reaped: reaps what else has ended, and says whether some child (a
  // descendant the subreaper inherited, or the namespace's init) still exists.
  bool has_children() {
    pid_t p;
    do {
      errno = 0;
      int st = 0;
      p = ::waitpid(-1, &st, WNOHANG | __WALL);
      if (p > 0) containment.reaped(p);
    } while (p > 0);
    return !(p < 0 && errno == ECHILD);
  }

  // Kills every descendant: the program's group while it exists, then the rest of the run
  // (the namespace's init, or every process the subreaper inherits), until nothing is left
  // to wait for.
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
      containment.kill_all();
      reap();
      if (!has_children()) return;  // (which tells the containment its init is reaped)
      if (now() > give_up) return;
      ::usleep(1000);
    }
  }

  void loop() {
    const double deadline = t_spawn + o.timeout;
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
      settle_time_zero(t, false);
      drive_stimuli();
    }
  }

  Observation go() {
    ::signal(SIGPIPE, SIG_IGN);
    sigset_t mask;
    sigemptyset(&mask);
    for (int s : {SIGCHLD, SIGINT, SIGTERM, SIGHUP}) sigaddset(&mask, s);
    ::sigprocmask(SIG_BLOCK, &mask, nullptr);
    sig_fd.reset(::signalfd(-1, &mask, SFD_CLOEXEC | SFD_NONBLOCK));

    token = make_run_token();
    obs.token = token;
    obs.launcher = o.launcher;
    const char* tmp_env = std::getenv("TMPDIR");
    const std::string tmp = tmp_env != nullptr && *tmp_env != '\0' ? tmp_env : "/tmp";
    obs.removed_objects = sweep_stale(tmp);
    std::string tmpl = fmt::format("{}/{}{}.XXXXXX", tmp, protocol::kObjectPrefix, token);
    if (::mkdtemp(tmpl.data()) == nullptr)
      throw std::runtime_error(fmt::format("mkdtemp {}: {}", tmpl, std::strerror(errno)));
    work_dir = tmpl;
    work_dir_lock.reset(hold_work_dir(work_dir));

    containment = Containment::enter();
    obs.containment = containment.description();
    spawn();
    if (obs.spawn_error.empty()) loop();
    const double t_loop_end = now();
    settle_time_zero(t_loop_end, true);

    // Descendants still running after the end: give them the grace to finish exiting. The
    // common case, no child left at all, needs no look through /proc.
    if (reaped && !interrupted && has_children()) {
      for (;;) {
        bool running = false;
        for (const auto& c : containment.orphans())
          if (c.state != 'Z' && c.state != 'X') running = true;
        if (!running || now() >= t_end + o.grace) break;
        reap();
        ::usleep(2000);
      }
      for (const auto& c : containment.orphans())
        if (c.state != 'Z' && c.state != 'X')
          obs.leftovers.push_back(fmt::format("pid {} ({}) state {}", c.pid, c.comm, c.state));
    }
    kill_everything();
    // Whatever the killed processes still had in the pipes.
    if (out_fd) read_stdout();
    if (err_fd) read_stderr();
    if (!partial.empty()) add_line(now(), std::move(partial));
    if (interrupted) obs.spawn_error = "the harness was interrupted";
    for (auto& r : remove_run_objects(token, work_dir)) obs.removed_objects.push_back(std::move(r));
    work_dir_lock.reset();

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
