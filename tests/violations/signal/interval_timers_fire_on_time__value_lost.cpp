// Violates SIG-40: the timer's signal arrives without the chosen value.
#include <sys/time.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <ctime>

#include "procsync.hpp"
#include "siginfo.hpp"

namespace {
std::atomic<int> g_alarms{0};
std::atomic<int> g_timer_signals{0};
timer_t g_timer{};

void on_alarm(int) {
  const int n = ++g_alarms;
  ps::say_safe("setitimer: SIGALRM ", n);
}

void on_timer(int sig, siginfo_t* info, void*) {
  ++g_timer_signals;
  ps::say_safe("timer: ", ps::signal_name(sig), " with value ", info->si_value.sival_int, ", ",
               ps::si_code_name(sig, info->si_code), ", overrun ", timer_getoverrun(g_timer));
}

timespec at(double start, double seconds) {
  const double t = start + seconds;
  timespec ts{};
  ts.tv_sec = static_cast<time_t>(t);
  ts.tv_nsec = static_cast<long>((t - static_cast<double>(ts.tv_sec)) * 1e9);
  return ts;
}

void sleep_until(double start, double seconds) {
  const timespec ts = at(start, seconds);
  while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, nullptr) == EINTR) {
  }
}

// Waits, handling signals, until `count` reaches `wanted` or `limit` seconds after start.
void await(const std::atomic<int>& count, int wanted, double start, double limit) {
  while (count.load() < wanted && ps::monotonic_seconds() < start + limit) ps::sleep_for(0.005);
}
}  // namespace

int main() {
  const double start = ps::monotonic_seconds();
  ps::install(SIGALRM, on_alarm);
  ps::install_info(SIGRTMIN + 2, on_timer);

  // 1. setitimer.
  itimerval every_half_second{{0, 500000}, {0, 500000}};
  ps::check(setitimer(ITIMER_REAL, &every_half_second, nullptr) == 0, "setitimer");
  await(g_alarms, 3, start, 4);
  const itimerval off{};
  ps::check(setitimer(ITIMER_REAL, &off, nullptr) == 0, "setitimer");
  itimerval now{};
  ps::check(getitimer(ITIMER_REAL, &now) == 0, "getitimer");
  const bool disarmed = now.it_value.tv_sec == 0 && now.it_value.tv_usec == 0;
  ps::say("setitimer: disarmed after ", g_alarms.load(), " SIGALRM; getitimer shows it ",
          disarmed ? "disarmed" : "armed");

  // 2. A one-shot POSIX timer.
  sigevent ev{};
  ev.sigev_notify = SIGEV_SIGNAL;
  ev.sigev_signo = SIGRTMIN + 2;
  ev.sigev_value.sival_int = 0;
  ps::check(timer_create(CLOCK_MONOTONIC, &ev, &g_timer) == 0, "timer_create");
  itimerspec once{{0, 0}, at(start, 2.0)};
  ps::check(timer_settime(g_timer, TIMER_ABSTIME, &once, nullptr) == 0, "timer_settime");
  await(g_timer_signals, 1, start, 5);
  ps::check(timer_delete(g_timer) == 0, "timer_delete");

  // 3. A periodic POSIX timer whose signal is blocked.
  sigset_t rt;
  sigemptyset(&rt);
  sigaddset(&rt, SIGRTMIN + 2);
  ps::check(sigprocmask(SIG_BLOCK, &rt, nullptr) == 0, "sigprocmask");
  ev.sigev_value.sival_int = 78;
  ps::check(timer_create(CLOCK_MONOTONIC, &ev, &g_timer) == 0, "timer_create");
  itimerspec periodic{{0, 100000000}, at(start, 2.5)};
  ps::check(timer_settime(g_timer, TIMER_ABSTIME, &periodic, nullptr) == 0, "timer_settime");
  sleep_until(start, 3.45);
  ps::say("timer: every 0.1 s from 2.5 s with SIGRTMIN+2 blocked; unblocking at 3.45 s");
  ps::check(sigprocmask(SIG_UNBLOCK, &rt, nullptr) == 0, "sigprocmask");
  await(g_timer_signals, 2, start, 6);
  ps::check(timer_delete(g_timer) == 0, "timer_delete");
  ps::say("timer: deleted; ", g_alarms.load(), " SIGALRM and ", g_timer_signals.load(),
          " timer signals in all");
  return 0;
}
