// Violates SIG-34: a platform with only four real-time signals, fewer than POSIX's minimum
// of 8 (_POSIX_RTSIG_MAX); simulated by treating SIGRTMIN+3 as the last.
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <string>
#include <vector>

#include "procsync.hpp"
#include "signal_sets.hpp"

namespace {
int last_rt() {
  return SIGRTMIN + 3;
}

std::atomic<int> g_calls{0};
std::atomic<int> g_arg{0};
std::atomic<int> g_signo{0};

void on_signal(int sig, siginfo_t* info, void*) {
  ++g_calls;
  g_arg = sig;
  g_signo = info->si_signo;
}

// Runs the experiment for one signal; returns what went wrong, or "" when nothing did.
std::string try_signal(int sig) {
  struct sigaction sa {};
  sa.sa_sigaction = on_signal;
  sa.sa_flags = SA_SIGINFO;
  sigemptyset(&sa.sa_mask);
  if (sigaction(sig, &sa, nullptr) != 0) return "sigaction " + ps::outcome(-1);
  struct sigaction back {};
  if (sigaction(sig, nullptr, &back) != 0) return "reading the action back " + ps::outcome(-1);
  if ((back.sa_flags & SA_SIGINFO) == 0 || back.sa_sigaction != on_signal)
    return "sigaction returned 0 but the handler is not installed";

  sigset_t one, old, pending;
  sigemptyset(&one);
  sigaddset(&one, sig);
  ps::check(sigprocmask(SIG_BLOCK, &one, &old) == 0, "sigprocmask");
  g_calls = 0;
  g_arg = 0;
  g_signo = 0;
  std::string problem;
  if (kill(getpid(), sig) != 0) {
    problem = "kill " + ps::outcome(-1);
  } else {
    sigemptyset(&pending);
    ps::check(sigpending(&pending) == 0, "sigpending");
    if (sigismember(&pending, sig) != 1) problem = "sent while blocked but not pending";
    if (g_calls != 0) problem = "handler ran while the signal was blocked";
  }
  // POSIX: a pending signal that is unblocked is delivered before sigprocmask() returns.
  ps::check(sigprocmask(SIG_SETMASK, &old, nullptr) == 0, "sigprocmask");
  if (!problem.empty()) return problem;
  if (g_calls != 1)
    return "handler ran " + std::to_string(g_calls.load()) + " time(s) after unblocking";
  if (g_arg != sig || g_signo != sig) {
    // signal_name() reuses one buffer for real-time names: copy each before the next call.
    std::string got = std::string("handler got ") + ps::signal_name(g_arg);
    return got + ", si_signo " + ps::signal_name(g_signo);
  }
  return "";
}
}  // namespace

int main() {
  ps::say("SIGRTMIN is signal ", SIGRTMIN, ", SIGRTMAX is signal ", SIGRTMAX);
  const std::string lowest = ps::signal_name(SIGRTMIN);  // one buffer for both names
  ps::say("real-time signals: ", lowest, " to ", ps::signal_name(last_rt()), ", ",
          last_rt() - SIGRTMIN + 1, " of them");
  int standard = 0;
  int realtime = 0;
  int failed = 0;
  for (int sig : ps::every_other_signal()) {
    if (sig > last_rt()) continue;
    (sig < SIGRTMIN ? standard : realtime) += 1;
    const std::string problem = try_signal(sig);
    if (problem.empty()) continue;
    ++failed;
    ps::say(ps::signal_name(sig), ": ", problem);
  }
  ps::say("tried ", standard, " standard and ", realtime, " real-time signals; ", failed,
          " could not be handled, sent or caught with their own number");
  return 0;
}
