// Violates SCN-01: the handler is installed for SIGALRM only, so Ctrl+C (SIGINT) ends the
// program at 3 s.
#include <unistd.h>

#include <csignal>

#include "procsync.hpp"

namespace {
volatile std::sig_atomic_t g_clock_rang = 0;
void handler(int sig) {
  if (sig == SIGALRM) {
    g_clock_rang = 1;
    ps::say_safe("receive clock signal");
  }
}
}  // namespace

int main() {
  alarm(5);
  ps::install(SIGALRM, handler);
  while (!g_clock_rang) {
    ps::say("waiting for a signal");
    ps::sleep_for(2.0);
  }
  ps::say("the clock signal came: leaving the loop");
  return 0;
}
