// Violates SIG-02: the null signal is refused with EPERM for a live process of the caller's
// own (as a sandbox that vets every kill() against its own table might do).
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>

#include "procsync.hpp"

namespace {
void probe(pid_t pid, const char* what) {
  errno = 0;
  int rc = kill(pid, 0);
  if (rc == 0 && ps::process_state(pid) != 'Z') {  // the deviation
    rc = -1;
    errno = EPERM;
  }
  if (rc == 0) {
    ps::say("parent: kill(child, 0) ", what, " returned 0");
  } else {
    ps::say("parent: kill(child, 0) ", what, " returned ", rc, " with ", ps::errno_name(errno));
  }
}
}  // namespace

int main() {
  int link[2];
  ps::check(pipe(link) == 0, "pipe");
  ps::Shared<std::atomic<bool>> about_to_read(false);

  // The child lives until the parent closes the pipe, then exits 0.
  ps::Child child([&] {
    close(link[1]);
    *about_to_read = true;
    char c;
    while (read(link[0], &c, 1) > 0) {
    }
    return 0;
  });
  close(link[0]);

  ps::await([&] { return about_to_read->load(); }, "the child to be about to read");
  ps::check(ps::wait_for_state(child.pid(), "S"), "child never blocked");
  ps::say("parent: child is alive, blocked reading a pipe");
  probe(child.pid(), "on the live child");

  close(link[1]);
  ps::check(ps::wait_for_state(child.pid(), "Z"), "child never became a zombie");
  ps::say("parent: child has exited and is a zombie, not yet waited for");
  probe(child.pid(), "on the zombie");

  const pid_t pid = child.pid();
  ps::say("parent: child ", child.wait().describe());
  probe(pid, "after reaping");
  return 0;
}
