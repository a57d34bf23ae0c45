// Waits for a flag nobody sets: ps::await gives up after its guard timeout, says what it
// waited for and where, and ends the program, so the trace fails instead of the run hanging.
#include "procsync.hpp"
int main() {
  ps::say("waiting for a flag nobody sets");
  const bool set = false;
  ps::await([&] { return set; }, "a flag nobody sets", 0.2);
  ps::say("the flag was set");
  return 0;
}
