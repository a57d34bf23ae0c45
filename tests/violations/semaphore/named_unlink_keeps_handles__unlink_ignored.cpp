// Violates SEM-09: sem_unlink reports success but the name stays (as on a platform that
// defers removal until the last close), so sem_open without O_CREAT still finds it.
#include <fcntl.h>
#include <semaphore.h>

#include <string>

#include "procsync.hpp"

int main() {
  const std::string name = ps::object_name("unlinked");
  sem_t* sem = sem_open(name.c_str(), O_CREAT | O_EXCL, 0600, 0);
  ps::check(sem != SEM_FAILED, "sem_open");
  ps::say("parent: sem_open(O_CREAT | O_EXCL, 0), value 0");
  ps::say("child: sem_open of the name, value 0");
  ps::say("parent: child is asleep in sem_wait");
  ps::say("parent: sem_unlink: returned 0");
  sem_t* again = sem_open(name.c_str(), 0);
  ps::say("parent: sem_open of the removed name without O_CREAT: ",
          again == SEM_FAILED ? ps::errno_name(errno) : "succeeded");
  ps::say("parent: second sem_unlink: ",
          sem_unlink(name.c_str()) == 0 ? "returned 0" : ps::errno_name(errno));
  ps::say("parent: sem_post on its handle");
  ps::say("child: sem_wait on its handle returned, value 0");
  ps::say("parent: child exited 0");
  ps::say("parent: sem_post again, value 1");
  ps::say("parent: new sem_open(O_CREAT | O_EXCL, 7) of the name, value 7; old handle value 1");
  sem_close(sem);
  return 0;
}
