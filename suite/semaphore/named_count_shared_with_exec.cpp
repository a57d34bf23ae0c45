// SEM-07 (named): a named semaphore is one count for processes that share nothing but its
// name. The parent creates it; a child that execs this program anew (so no memory is
// inherited) opens it by name: the parent sees the exec'd child's acquire, and the child,
// asleep in sem_wait, is let through by the parent's release.
//
// Run with "exec-child <fd>" this program is that child: <fd> is a pipe it writes one byte
// to just before it blocks, so that the parent knows when to look for the sleeping state.
#include <fcntl.h>
#include <semaphore.h>
#include <unistd.h>

#include <cstdlib>
#include <string>
#include <string_view>

#include "procsync.hpp"

namespace {
constexpr std::string_view kChildMode = "exec-child";

std::string sem_name() {
  return ps::object_name("shared-count");
}

void acquire(sem_t* sem) {
  while (sem_wait(sem) != 0) ps::check(errno == EINTR, "sem_wait");
}

int exec_child(int ready_fd) {
  sem_t* sem = sem_open(sem_name().c_str(), 0);
  ps::check(sem != SEM_FAILED, "exec child: sem_open");
  ps::say("exec child: sem_open of the name without O_CREAT, value ", ps::sem_value(sem));
  acquire(sem);
  ps::say("exec child: took one, value ", ps::sem_value(sem));
  const char byte = 1;
  ps::check(write(ready_fd, &byte, 1) == 1, "exec child: write");
  acquire(sem);
  ps::say("exec child: second sem_wait returned, value ", ps::sem_value(sem));
  sem_close(sem);
  return 0;
}

struct Unlink {
  std::string name;
  ~Unlink() { sem_unlink(name.c_str()); }
};
}  // namespace

int main(int argc, char** argv) {
  if (argc == 3 && argv[1] == kChildMode) return exec_child(std::atoi(argv[2]));

  const Unlink name{sem_name()};
  sem_t* sem = sem_open(name.name.c_str(), O_CREAT | O_EXCL, 0600, 1);
  ps::check(sem != SEM_FAILED, "sem_open");
  ps::say("parent: sem_open(O_CREAT | O_EXCL, 1), value ", ps::sem_value(sem));

  int ready[2];
  ps::check(pipe(ready) == 0, "pipe");  // no O_CLOEXEC: the write end survives the exec
  ps::Child child([&]() -> int {
    close(ready[0]);
    ps::exec_self({std::string(kChildMode), std::to_string(ready[1])});
  });
  close(ready[1]);
  char byte = 0;
  ssize_t got;
  while ((got = read(ready[0], &byte, 1)) < 0) ps::check(errno == EINTR, "read");
  ps::check(got == 1, "the exec'd child ended before it blocked");
  close(ready[0]);
  ps::check(ps::wait_for_state(child.pid(), "S"), "exec'd child never blocked");
  ps::say("parent: exec'd child is asleep in its second sem_wait");
  ps::say("parent: value ", ps::sem_value(sem));
  ps::say("parent: sem_post");
  ps::check(sem_post(sem) == 0, "sem_post");
  ps::say("parent: exec'd child ", child.wait().describe());
  ps::say("parent: value ", ps::sem_value(sem));
  sem_close(sem);
  return 0;
}
