// SEM-02: acquiring (sem_wait) takes one from the count and releasing (sem_post) gives one
// back, shown by the value before and after each call, for an unnamed process-shared
// semaphore and a named one. A release is not bounded by the starting count.
#include <fcntl.h>
#include <semaphore.h>

#include <string>

#include "procsync.hpp"

namespace {
// Starting at 2: two acquires bring it to 0, three releases to 3.
void take_and_give_back(const char* flavour, sem_t* sem) {
  ps::say(flavour, ": value ", ps::sem_value(sem));
  for (int i = 0; i < 2; ++i) {
    const int before = ps::sem_value(sem);
    while (sem_wait(sem) != 0) ps::check(errno == EINTR, "sem_wait");
    ps::say(flavour, ": sem_wait: ", before, " -> ", ps::sem_value(sem));
  }
  for (int i = 0; i < 3; ++i) {
    const int before = ps::sem_value(sem);
    ps::check(sem_post(sem) == 0, "sem_post");
    ps::say(flavour, ": sem_post: ", before, " -> ", ps::sem_value(sem));
  }
}

struct Unlink {
  std::string name;
  ~Unlink() { sem_unlink(name.c_str()); }
};
}  // namespace

int main() {
  ps::Shared<sem_t> unnamed;
  ps::check(sem_init(unnamed.get(), /*pshared=*/1, 2) == 0, "sem_init");
  take_and_give_back("unnamed", unnamed.get());
  sem_destroy(unnamed.get());

  const Unlink name{ps::object_name("count")};
  sem_t* named = sem_open(name.name.c_str(), O_CREAT | O_EXCL, 0600, 2);
  ps::check(named != SEM_FAILED, "sem_open");
  take_and_give_back("named", named);
  sem_close(named);
  return 0;
}
