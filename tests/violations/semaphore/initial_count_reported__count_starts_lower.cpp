// Violates SEM-01: the unnamed semaphore created with 3 reports 2 (a platform that takes one
// at creation), and the named one ignores O_CREAT's "no effect" rule and resets the count.
#include <fcntl.h>
#include <semaphore.h>

#include <climits>
#include <string>

#include "procsync.hpp"

int main() {
  ps::Shared<sem_t> sem;
  ps::say("unnamed sem_init(pshared=1, 0): value 0");
  ps::check(sem_init(sem.get(), 1, 3) == 0, "sem_init 3");
  sem_trywait(sem.get());
  ps::say("unnamed sem_init(pshared=1, 3): value ", ps::sem_value(sem.get()));
  ps::say("unnamed sem_init(pshared=1, SEM_VALUE_MAX): value is SEM_VALUE_MAX: yes");
  ps::say("unnamed sem_init(pshared=1, SEM_VALUE_MAX + 1): failed EINVAL");
  const std::string name = ps::object_name("five");
  sem_t* five = sem_open(name.c_str(), O_CREAT | O_EXCL, 0600, 5);
  ps::check(five != SEM_FAILED, "sem_open");
  ps::say("named sem_open(O_CREAT | O_EXCL, 5): value ", ps::sem_value(five));
  ps::say("named sem_open(O_CREAT, 9) of the existing name: value 9");
  ps::say("named sem_open(O_CREAT | O_EXCL, SEM_VALUE_MAX + 1): failed EINVAL");
  sem_close(five);
  sem_unlink(name.c_str());
  return 0;
}
