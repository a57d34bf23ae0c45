// Exits at once, leaving a grandchild running in a new session (out of the program's
// process group): the harness, a subreaper, must find it, kill it and say so.
#include <sys/wait.h>
#include <unistd.h>

#include "procsync.hpp"
int main() {
  const pid_t child = fork();
  if (child == 0) {
    if (fork() == 0) {
      setsid();
      close(1);  // does not even hold the output pipe open
      for (;;) pause();
    }
    _exit(0);
  }
  waitpid(child, nullptr, 0);
  ps::say("leaving a grandchild behind");
  return 0;
}
