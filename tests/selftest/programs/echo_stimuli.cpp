// Echoes stdin lines and the signals it catches: exercises every kind of stimulus.
#include <csignal>
#include <cstdio>
#include <string>

#include "procsync.hpp"
namespace {
void on_signal(int sig) {
  ps::say_safe("caught ", ps::signal_name(sig));
}
}  // namespace
int main() {
  ps::install(SIGUSR1, on_signal);
  ps::install(SIGUSR2, on_signal);
  ps::say("ready");
  char buf[256];
  std::string line;
  for (;;) {
    const ssize_t n = read(0, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    for (ssize_t i = 0; i < n; ++i) {
      if (buf[i] == '\n') {
        ps::say("read: ", line);
        line.clear();
      } else {
        line += buf[i];
      }
    }
  }
  ps::say("stdin closed");
  return 0;
}
