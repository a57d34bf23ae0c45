// SEM-04: a non-blocking acquire (sem_trywait) at zero fails at once with EAGAIN and leaves
// the value at 0; once the value is positive it takes one. Unnamed (pshared=1) and named.
#include <fcntl.h>
#include <semaphore.h>

#include <string>

#include "procsync.hpp"

namespace {
void try_at_zero_then_one(const char* flavour, sem_t* sem) {
  if (sem_trywait(sem) == 0)
    ps::say(flavour, ": sem_trywait at 0 succeeded");
  else
    ps::say(flavour, ": sem_trywait at 0 failed ", ps::errno_name(errno));
  ps::say(flavour, ": value after the failed sem_trywait ", ps::sem_value(sem));
  ps::check(sem_post(sem) == 0, "sem_post");
  if (sem_trywait(sem) == 0)
    ps::say(flavour, ": sem_trywait at 1 returned 0, value now ", ps::sem_value(sem));
  else
    ps::say(flavour, ": sem_trywait at 1 failed ", ps::errno_name(errno));
}

struct Unlink {
  std::string name;
  ~Unlink() { sem_unlink(name.c_str()); }
};
}  // namespace

int main() {
  ps::Shared<sem_t> unnamed;
  ps::check(sem_init(unnamed.get(), /*pshared=*/1, 0) == 0, "sem_init");
  try_at_zero_then_one("unnamed", unnamed.get());
  sem_destroy(unnamed.get());

  const Unlink name{ps::object_name("zero")};
  sem_t* named = sem_open(name.name.c_str(), O_CREAT | O_EXCL, 0600, 0);
  ps::check(named != SEM_FAILED, "sem_open");
  try_at_zero_then_one("named", named);
  sem_close(named);
  return 0;
}
