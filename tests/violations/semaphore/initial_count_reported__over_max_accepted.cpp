// Violates SEM-01: sem_init accepts a value above SEM_VALUE_MAX (a library without the bound
// check, or with one off by one); here the call that should be refused is made with a value
// it accepts, so it succeeds.
#include <fcntl.h>
#include <semaphore.h>

#include <climits>
#include <string>

#include "procsync.hpp"

namespace {
struct Box {
  sem_t zero;
  sem_t three;
  sem_t at_max;
  sem_t over_max;
};

static_assert(SEM_VALUE_MAX < UINT_MAX, "SEM_VALUE_MAX + 1 must be representable");
constexpr unsigned kOverMax = static_cast<unsigned>(SEM_VALUE_MAX) + 1u;

// Removes a name on scope exit (the harness also removes leftovers named with the token).
struct Unlink {
  std::string name;
  ~Unlink() { sem_unlink(name.c_str()); }
};
}  // namespace

int main() {
  ps::Shared<Box> box;
  ps::check(sem_init(&box->zero, /*pshared=*/1, 0) == 0, "sem_init 0");
  ps::say("unnamed sem_init(pshared=1, 0): value ", ps::sem_value(&box->zero));
  ps::check(sem_init(&box->three, 1, 3) == 0, "sem_init 3");
  ps::say("unnamed sem_init(pshared=1, 3): value ", ps::sem_value(&box->three));
  ps::check(sem_init(&box->at_max, 1, SEM_VALUE_MAX) == 0, "sem_init SEM_VALUE_MAX");
  ps::say("unnamed sem_init(pshared=1, SEM_VALUE_MAX): value is SEM_VALUE_MAX: ",
          ps::sem_value(&box->at_max) == SEM_VALUE_MAX ? "yes" : "no");
  if (sem_init(&box->over_max, 1, SEM_VALUE_MAX) == 0) {  // the missing check
    ps::say("unnamed sem_init(pshared=1, SEM_VALUE_MAX + 1): succeeded");
    sem_destroy(&box->over_max);
  } else {
    ps::say("unnamed sem_init(pshared=1, SEM_VALUE_MAX + 1): failed ", ps::errno_name(errno));
  }
  sem_destroy(&box->zero);
  sem_destroy(&box->three);
  sem_destroy(&box->at_max);

  const Unlink five_name{ps::object_name("five")};
  sem_t* five = sem_open(five_name.name.c_str(), O_CREAT | O_EXCL, 0600, 5);
  ps::check(five != SEM_FAILED, "sem_open five");
  ps::say("named sem_open(O_CREAT | O_EXCL, 5): value ", ps::sem_value(five));
  // O_CREAT on an existing name opens it as it is: the value argument has no effect.
  sem_t* again = sem_open(five_name.name.c_str(), O_CREAT, 0600, 9);
  ps::check(again != SEM_FAILED, "sem_open five again");
  ps::say("named sem_open(O_CREAT, 9) of the existing name: value ", ps::sem_value(again));
  sem_close(again);
  sem_close(five);

  const Unlink big_name{ps::object_name("over-max")};
  sem_t* big = sem_open(big_name.name.c_str(), O_CREAT | O_EXCL, 0600, kOverMax);
  if (big != SEM_FAILED) {
    ps::say("named sem_open(O_CREAT | O_EXCL, SEM_VALUE_MAX + 1): succeeded");
    sem_close(big);
  } else {
    ps::say("named sem_open(O_CREAT | O_EXCL, SEM_VALUE_MAX + 1): failed ", ps::errno_name(errno));
  }
  return 0;
}
