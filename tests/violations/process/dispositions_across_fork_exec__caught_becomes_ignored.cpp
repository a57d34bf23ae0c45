// Violates PRC-03: exec turns a caught signal into an ignored one instead of resetting it to
// the default (an emulator that keeps its own host-side handler's disposition across exec):
// after exec SIGTERM is SIG_IGN and raising it no longer ends the process.
#include <signal.h>
#include <unistd.h>

#include <cstring>
#include <string>

#include "procsync.hpp"

namespace {
constexpr const char* kAfterExec = "after-exec";

void on_term(int sig) {
  ps::say_safe("after fork: on_term caught ", ps::signal_name(sig));
}

std::string disposition(int sig) {
  struct sigaction old {};
  if (::sigaction(sig, nullptr, &old) != 0) ps::fail("sigaction query");
  std::string name = ps::signal_name(sig);
  if (old.sa_handler == SIG_IGN) return name + " SIG_IGN";
  if (old.sa_handler == SIG_DFL) return name + " SIG_DFL";
  return name + (old.sa_handler == on_term ? " handler on_term" : " some handler");
}

void show(const char* who) {
  ps::say(who, ": ", disposition(SIGHUP), ", ", disposition(SIGTERM), ", ", disposition(SIGUSR1));
}

int after_exec() {
  show("after exec");
  ::raise(SIGHUP);
  ps::say("after exec: raised SIGHUP, still running");
  ps::say("after exec: raising SIGTERM");
  ::raise(SIGTERM);
  ps::say("after exec: still running after SIGTERM");
  return 0;
}
}  // namespace

int main(int argc, char** argv) {
  if (argc > 1 && std::strcmp(argv[1], kAfterExec) == 0) return after_exec();

  // SIGHUP ignored (as nohup does), SIGTERM caught, SIGUSR1 left at its default.
  struct sigaction ign {};
  ign.sa_handler = SIG_IGN;
  sigemptyset(&ign.sa_mask);
  ps::check(::sigaction(SIGHUP, &ign, nullptr) == 0, "sigaction SIGHUP");
  ps::install(SIGTERM, on_term);
  show("parent");

  ps::Child child([]() -> int {
    show("after fork");
    ::raise(SIGTERM);            // the inherited handler runs
    ::signal(SIGTERM, SIG_IGN);  // what the wrong exec does to the caught signal
    ps::exec_self({kAfterExec});
  });
  ps::say("parent: exec'd child ", child.wait().describe());
  return 0;
}
