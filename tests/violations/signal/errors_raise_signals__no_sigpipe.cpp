// Violates SIG-32: writing to a pipe nobody reads only fails with EPIPE, without SIGPIPE (as
// if the signal were never generated).
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
int touch_forbidden_memory() {
  void* page = mmap(nullptr, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  *static_cast<volatile char*>(page) = 1;
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
  std::abort();
}
void run(const std::string& what, const std::function<int()>& body) {
  ps::Child child([&] {
    const rlimit none{0, 0};
    setrlimit(RLIMIT_CORE, &none);
    ps::install(SIGPIPE, SIG_IGN);
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
  run("invalid memory access", touch_forbidden_memory);
  run("write to a pipe nobody reads", write_to_pipe_nobody_reads);
  run("the same write with SIGPIPE ignored", write_to_pipe_nobody_reads);
  run("abort()", call_abort);
  return 0;
}
