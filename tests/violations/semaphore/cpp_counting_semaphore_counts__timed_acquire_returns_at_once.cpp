// Violates SEM-10: try_acquire_for at zero gives up at once (a library that implements it as
// try_acquire), while claiming it waited.
#include <semaphore>

#include "procsync.hpp"

int main() {
  std::counting_semaphore<8> sem{2};
  ps::say("std::counting_semaphore<8> constructed with 2; max() >= 8: true");
  sem.acquire();
  ps::say("acquire() at 2 returned");
  ps::say("try_acquire() at 1: ", sem.try_acquire() ? "true" : "false");
  ps::say("try_acquire() at 0: ", sem.try_acquire() ? "true" : "false");
  ps::say("try_acquire_for(500 ms) at 0: ", sem.try_acquire() ? "true" : "false");
  ps::say("it waited at least 500 ms: true");
  sem.release();
  ps::say("release(), then try_acquire(): ", sem.try_acquire() ? "true" : "false");
  ps::say("try_acquire() at 0 again: false");
  return 0;
}
