// Hangs forever after one line: the harness must kill it at the timeout.
#include "procsync.hpp"
int main() {
  ps::say("hanging");
  for (;;) pause();
}
