// Violates SIG-32: abort() ends the process with exit status 134 instead of SIGABRT.
#include <sys/mman.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <functional>
#include <string>

#include "procsync.hpp"

namespace {
void no_core_dumps() {
  const rlimit none{0, 0};
  ps::check(setrlimit(RLIMIT_CORE, &none) == 0, "setrlimit RLIMIT_CORE");
}

int touch_forbidden_memory() {
  // A page mapped without access rights: touching it is an invalid access on every platform,
  // with no undefined behaviour in the C++ sense for the compiler to exploit.
  void* page = mmap(nullptr, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (page == MAP_FAILED) ps::fail("mmap");
  *static_cast<volatile char*>(page) = 1;
  ps::say("child: wrote to a PROT_NONE page and went on");
  return 0;
}

int write_to_pipe_nobody_reads() {
  int fds[2];
  ps::check(pipe(fds) == 0, "pipe");
  close(fds[0]);
  const ssize_t n = write(fds[1], "x", 1);
  const int err = errno;
  ps::say("child: write returned ", static_cast<long>(n), " with ", ps::errno_name(err));
  return 0;
}

int call_abort() {
  _exit(134);  // the deviation
}

void run(const std::string& what, const std::function<int()>& body, bool ignore_sigpipe) {
  ps::Child child([&] {
    no_core_dumps();
    if (ignore_sigpipe) ps::install(SIGPIPE, SIG_IGN);
    return body();
  });
  const ps::Status status = child.wait();
  if (status.signaled())
    ps::say("parent: ", what, ": child killed by ", ps::signal_name(status.term_signal()));
  else
    ps::say("parent: ", what, ": child ", status.describe());
}
}  // namespace

int main() {
  run("invalid memory access", touch_forbidden_memory, false);
  run("write to a pipe nobody reads", write_to_pipe_nobody_reads, false);
  run("the same write with SIGPIPE ignored", write_to_pipe_nobody_reads, true);
  run("abort()", call_abort, false);
  return 0;
}
