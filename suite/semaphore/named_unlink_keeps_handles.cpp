// SEM-09: a named semaphore's name can be removed (sem_unlink) while it is open: the open
// handles keep working on the same semaphore, a sem_open of the name without O_CREAT then
// fails with ENOENT, and the name is free for a new, different semaphore.
#include <fcntl.h>
#include <semaphore.h>

#include <atomic>
#include <string>

#include "procsync.hpp"

namespace {
struct Flags {
  std::atomic<bool> opened{false};
  std::atomic<bool> about_to_wait{false};
};

struct Unlink {
  std::string name;
  ~Unlink() { sem_unlink(name.c_str()); }
};
}  // namespace

int main() {
  const Unlink name{ps::object_name("unlinked")};
  const char* path = name.name.c_str();
  sem_t* sem = sem_open(path, O_CREAT | O_EXCL, 0600, 0);
  ps::check(sem != SEM_FAILED, "sem_open");
  ps::say("parent: sem_open(O_CREAT | O_EXCL, 0), value ", ps::sem_value(sem));

  // The child opens the name on its own (before the unlink) and waits on its handle.
  ps::Shared<Flags> flags;
  ps::Child child([&] {
    sem_t* mine = sem_open(path, 0);
    ps::check(mine != SEM_FAILED, "child: sem_open");
    ps::say("child: sem_open of the name, value ", ps::sem_value(mine));
    flags->about_to_wait = true;
    while (sem_wait(mine) != 0) ps::check(errno == EINTR, "child: sem_wait");
    ps::say("child: sem_wait on its handle returned, value ", ps::sem_value(mine));
    sem_close(mine);
    return 0;
  });
  ps::await([&] { return flags->about_to_wait.load(); }, "the child to be about to wait");
  ps::check(ps::wait_for_state(child.pid(), "S"), "child never blocked");
  ps::say("parent: child is asleep in sem_wait");

  ps::say("parent: sem_unlink: ", sem_unlink(path) == 0 ? "returned 0" : ps::errno_name(errno));
  sem_t* again = sem_open(path, 0);
  ps::say("parent: sem_open of the removed name without O_CREAT: ",
          again == SEM_FAILED ? ps::errno_name(errno) : "succeeded");
  if (again != SEM_FAILED) sem_close(again);
  ps::say("parent: second sem_unlink: ",
          sem_unlink(path) == 0 ? "returned 0" : ps::errno_name(errno));

  // Both handles still reach the one semaphore: the parent's post wakes the child.
  ps::say("parent: sem_post on its handle");
  ps::check(sem_post(sem) == 0, "sem_post");
  ps::say("parent: child ", child.wait().describe());
  ps::check(sem_post(sem) == 0, "sem_post");
  ps::say("parent: sem_post again, value ", ps::sem_value(sem));

  // The name is free: O_CREAT | O_EXCL makes a new semaphore, distinct from the open one.
  sem_t* fresh = sem_open(path, O_CREAT | O_EXCL, 0600, 7);
  ps::check(fresh != SEM_FAILED, "sem_open fresh");
  ps::say("parent: new sem_open(O_CREAT | O_EXCL, 7) of the name, value ", ps::sem_value(fresh),
          "; old handle value ", ps::sem_value(sem));
  sem_close(fresh);
  sem_close(sem);
  return 0;
}
