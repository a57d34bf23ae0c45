// Stops itself with SIGSTOP: the harness must see it stopped, say so, and kill it.
#include <csignal>

#include "procsync.hpp"
int main() {
  ps::say("stopping myself");
  raise(SIGSTOP);
  ps::say("continued");
  return 0;
}
