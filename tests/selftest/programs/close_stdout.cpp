// Closes stdout and keeps running: end of output is not the end of the program.
#include <unistd.h>

#include "procsync.hpp"
int main() {
  ps::say("closing stdout");
  close(1);
  for (;;) pause();
}
