// Process plumbing for the runner: descriptors, pipes, starting a program, finding the
// processes the harness (a child subreaper) has inherited.
#pragma once

#include <sys/types.h>

#include <string>
#include <utility>
#include <vector>

namespace procsync {

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
  void reset(int fd = -1);

 private:
  int fd_ = -1;
};

struct Pipe {
  Fd read, write;
};
Pipe make_pipe();  // both ends close-on-exec
void set_nonblock(int fd);

// What to start and how. The environment is complete: the child gets exactly these words.
struct SpawnRequest {
  std::vector<std::string> argv;  // argv[0] is searched on PATH unless it holds a '/'
  std::vector<std::string> env;   // "NAME=value"
  std::string work_dir;
  bool with_stdin = false;   // a pipe to the program's stdin, else /dev/null
  int mount_namespace = -1;  // a mount namespace to join before exec (Containment), or -1
};

// The started program's ends of its pipes, or why it could not start.
struct Spawned {
  pid_t pid = -1;
  double t_fork = 0;                                     // monotonic_now() just before fork
  std::string error;                                     // empty when exec succeeded
  Fd stdin_write, stdout_read, stderr_read, start_read;  // start_read: protocol::kStartFd
};

// Starts the program in its own process group, with default signal dispositions, an empty
// mask, SIGKILL when the harness dies, and nothing but its standard descriptors and the
// start-mark descriptor open. Everything it needs is built before fork: the child only
// calls async-signal-safe functions and execve.
Spawned spawn_program(const SpawnRequest& request);

// The current environment with `overrides` ("NAME=value") replacing or adding entries.
std::vector<std::string> environment_with(const std::vector<std::string>& overrides);

struct ChildInfo {
  pid_t pid;
  char state;
  std::string comm;
};
// The children of `parent` as the harness's /proc shows them (of a subreaper or a namespace's
// init: every orphaned descendant).
std::vector<ChildInfo> children_of(pid_t parent);

double monotonic_now();

}  // namespace procsync
