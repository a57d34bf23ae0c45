// Violates PRC-03: an exec that resets ignored signals to the default as well (nohup would
// not work): after exec SIGHUP is SIG_DFL, and raising it ends the process.
#include <signal.h>
#include <unistd.h>

#include <cstring>
#include <string>

#include "procsync.hpp"

namespace {
void on_term(int sig) {
  ps::say_safe("after fork: on_term caught ", ps::signal_name(sig));
}

std::string disposition(int sig) {
  struct sigaction old {};
  ::sigaction(sig, nullptr, &old);
  std::string name = ps::signal_name(sig);
  if (old.sa_handler == SIG_IGN) return name + " SIG_IGN";
  if (old.sa_handler == SIG_DFL) return name + " SIG_DFL";
  return name + " handler on_term";
}

void show(const char* who) {
  ps::say(who, ": ", disposition(SIGHUP), ", ", disposition(SIGTERM), ", ", disposition(SIGUSR1));
}
}  // namespace

int main(int argc, char** argv) {
  if (argc > 1 && std::strcmp(argv[1], "after-exec") == 0) {
    show("after exec");
    ::raise(SIGHUP);
    ps::say("after exec: raised SIGHUP, still running");
    return 0;
  }
  ::signal(SIGHUP, SIG_IGN);
  ps::install(SIGTERM, on_term);
  show("parent");
  ps::Child child([]() -> int {
    show("after fork");
    ::raise(SIGTERM);
    ::signal(SIGHUP, SIG_DFL);  // the wrong exec: ignored signals reset too
    ps::exec_self({"after-exec"});
  });
  ps::say("parent: exec'd child ", child.wait().describe());
  return 0;
}
