// Violates SEM-07: the semaphore sits in private memory, so the forked child works on its own
// copy: the parent never sees the child's acquire and its release never reaches the child
// (the child gives up with a timed wait so that the run ends).
#include <semaphore.h>
#include <sys/mman.h>

#include <atomic>
#include <ctime>

#include "procsync.hpp"

int main() {
  auto* flag = static_cast<std::atomic<bool>*>(ps::map_shared(sizeof(std::atomic<bool>)));
  new (flag) std::atomic<bool>(false);
  sem_t* sem = static_cast<sem_t*>(
      mmap(nullptr, sizeof(sem_t), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
  sem_init(sem, 1, 1);
  ps::say("parent: sem_init(pshared=1, 1) in MAP_SHARED memory, value ", ps::sem_value(sem));
  ps::Child child([&] {
    ps::say("child: value ", ps::sem_value(sem));
    sem_wait(sem);
    ps::say("child: took one, value ", ps::sem_value(sem));
    *flag = true;
    const timespec deadline = ps::deadline_in(CLOCK_REALTIME, 1.0);
    sem_timedwait(sem, &deadline);
    ps::say("child: second sem_wait returned, value ", ps::sem_value(sem));
    return 0;
  });
  ps::await([&] { return flag->load(); }, "the child to be about to wait");
  ps::wait_for_state(child.pid(), "S");
  ps::say("parent: child is asleep in its second sem_wait");
  ps::say("parent: value ", ps::sem_value(sem));
  ps::sleep_for(0.3);
  ps::say("parent: sem_post");
  sem_post(sem);
  ps::say("parent: child ", child.wait().describe());
  ps::say("parent: value ", ps::sem_value(sem));
  return 0;
}
