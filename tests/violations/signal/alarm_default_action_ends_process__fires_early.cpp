// Violates SIG-15: the "alarm" fires after half a second instead of one.
#include <sys/time.h>
#include <unistd.h>

#include "procsync.hpp"

int main() {
  itimerval half{};
  half.it_value.tv_usec = 500000;
  ps::check(setitimer(ITIMER_REAL, &half, nullptr) == 0, "setitimer");
  ps::say("armed alarm 1, none was pending: alarm returned 0");
  pause();
  return 0;
}
