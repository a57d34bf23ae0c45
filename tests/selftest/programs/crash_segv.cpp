// Dereferences a null pointer: killed by SIGSEGV.
#include "procsync.hpp"
int main(int argc, char**) {
  ps::say("about to crash");
  volatile int* p = argc > 100 ? &argc : nullptr;
  *p = 1;
  return 0;
}
