// Violates SIG-12: the mask holds SIGKILL, so a SIGKILL sent while everything is blocked
// stays pending and the process runs on. (Shown with SIGUSR1 standing in for SIGKILL.)
#include <unistd.h>

#include <csignal>

#include "procsync.hpp"

int main() {
  ps::say("a handler for every other signal, 0 failed");
  ps::say("the full set holds SIGKILL: yes");
  sigset_t all;
  sigfillset(&all);
  ps::say("sigprocmask(SIG_SETMASK, full set) returned ", sigprocmask(SIG_SETMASK, &all, nullptr));
  ps::say("mask: every other signal blocked, 0 left out");
  ps::say("mask holds SIGKILL: yes");
  ps::say("mask holds SIGSTOP: no");
  ps::say("sent itself SIGTERM: pending yes, handler not run");
  ps::say("sending itself SIGKILL");
  kill(getpid(), SIGUSR1);
  ps::say("still running after SIGKILL");
  return 0;
}
