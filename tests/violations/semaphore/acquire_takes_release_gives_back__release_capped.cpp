// Violates SEM-02: release does not raise the value past the starting count (a platform
// that treats the count as a ceiling), so the third sem_post gives nothing back.
#include <semaphore.h>

#include "procsync.hpp"

namespace {
void take_and_give_back(const char* flavour, sem_t* sem) {
  ps::say(flavour, ": value ", ps::sem_value(sem));
  for (int i = 0; i < 2; ++i) {
    const int before = ps::sem_value(sem);
    sem_wait(sem);
    ps::say(flavour, ": sem_wait: ", before, " -> ", ps::sem_value(sem));
  }
  for (int i = 0; i < 3; ++i) {
    const int before = ps::sem_value(sem);
    if (before < 2) sem_post(sem);
    ps::say(flavour, ": sem_post: ", before, " -> ", ps::sem_value(sem));
  }
}
}  // namespace

int main() {
  ps::Shared<sem_t> a;
  ps::Shared<sem_t> b;
  sem_init(a.get(), 1, 2);
  sem_init(b.get(), 1, 2);
  take_and_give_back("unnamed", a.get());
  take_and_give_back("named", b.get());
  return 0;
}
