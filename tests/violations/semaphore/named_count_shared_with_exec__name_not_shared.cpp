// Violates SEM-07: the exec'd child's sem_open does not reach the parent's semaphore (as if
// names were private to a process): it works on a semaphore of its own, so the parent never
// sees its acquire and the parent's release never reaches it (it gives up after 1 s).
#include <fcntl.h>
#include <semaphore.h>
#include <unistd.h>

#include <cstdlib>
#include <ctime>
#include <string>
#include <string_view>

#include "procsync.hpp"

namespace {
int exec_child(int ready_fd) {
  const std::string own = ps::object_name("own-count");
  sem_t* sem = sem_open(own.c_str(), O_CREAT, 0600, 1);
  sem_unlink(own.c_str());
  ps::say("exec child: sem_open of the name without O_CREAT, value ", ps::sem_value(sem));
  sem_wait(sem);
  ps::say("exec child: took one, value ", ps::sem_value(sem));
  const char byte = 1;
  ps::check(write(ready_fd, &byte, 1) == 1, "write");
  const timespec deadline = ps::deadline_in(CLOCK_REALTIME, 1.0);
  sem_timedwait(sem, &deadline);
  ps::say("exec child: second sem_wait returned, value ", ps::sem_value(sem));
  return 0;
}
}  // namespace

int main(int argc, char** argv) {
  if (argc == 3 && argv[1] == std::string_view("exec-child")) return exec_child(std::atoi(argv[2]));
  const std::string name = ps::object_name("shared-count");
  sem_t* sem = sem_open(name.c_str(), O_CREAT | O_EXCL, 0600, 1);
  ps::check(sem != SEM_FAILED, "sem_open");
  ps::say("parent: sem_open(O_CREAT | O_EXCL, 1), value ", ps::sem_value(sem));
  int ready[2];
  ps::check(pipe(ready) == 0, "pipe");
  ps::Child child([&]() -> int {
    close(ready[0]);
    ps::exec_self({"exec-child", std::to_string(ready[1])});
  });
  close(ready[1]);
  char byte = 0;
  ps::check(read(ready[0], &byte, 1) == 1, "read");
  ps::wait_for_state(child.pid(), "S");
  ps::say("parent: exec'd child is asleep in its second sem_wait");
  ps::say("parent: value ", ps::sem_value(sem));
  ps::say("parent: sem_post");
  sem_post(sem);
  ps::say("parent: exec'd child ", child.wait().describe());
  ps::say("parent: value ", ps::sem_value(sem));
  sem_close(sem);
  sem_unlink(name.c_str());
  return 0;
}
