// Violates SIG-02: the probe still answers 0 for a pid that has been reaped (as if the
// platform did not check the pid at all).
#include <unistd.h>

#include <atomic>
#include <csignal>

#include "procsync.hpp"

int main() {
  int link[2];
  ps::check(pipe(link) == 0, "pipe");
  ps::Shared<std::atomic<bool>> about_to_read(false);
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
  ps::say("parent: kill(child, 0) on the live child returned ", kill(child.pid(), 0));
  close(link[1]);
  ps::check(ps::wait_for_state(child.pid(), "Z"), "child never became a zombie");
  ps::say("parent: child has exited and is a zombie, not yet waited for");
  ps::say("parent: kill(child, 0) on the zombie returned ", kill(child.pid(), 0));
  ps::say("parent: child ", child.wait().describe());
  ps::say("parent: kill(child, 0) after reaping returned ", kill(getpid(), 0));
  return 0;
}
