// THR-12: creating a thread costs much less than creating a process (the tutorial says about
// 1/20). Each sample creates one thread and joins it, or forks one child that _exits at once
// and reaps it; the samples alternate so that a change of machine load hits both kinds. A
// sample's cost is the CPU time it consumed, this process's and its reaped children's
// (getrusage): on a loaded machine the wall time of either is mostly the wait for a turn on
// a CPU, the same for both. Each kind's total over its samples is compared, not a median: a
// CPU-time clock may advance in whole ticks (by 10 ms on User-Mode Linux, whose scheduler
// clock counts jiffies), so that most samples read 0 and both medians can be 0, while a
// total still adds up the ticks that fell into that kind's samples, their true cost on
// average. The means and their ratio are printed as "measure:" lines, which the harness
// keeps in the run's JSON; the trace checks only that a thread is cheaper.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <thread>

#include "procsync.hpp"

namespace {
constexpr int kSamples = 200;

// CPU seconds used so far by this process (all its threads, the exited ones included) and
// by its reaped children.
double cpu_seconds() {
  double total = 0;
  for (int who : {RUSAGE_SELF, RUSAGE_CHILDREN}) {
    rusage u{};
    ps::check(::getrusage(who, &u) == 0, "getrusage");
    for (const timeval& tv : {u.ru_utime, u.ru_stime})
      total += static_cast<double>(tv.tv_sec) + static_cast<double>(tv.tv_usec) / 1e6;
  }
  return total;
}

double time_thread() {
  const double t0 = cpu_seconds();
  std::thread t([] {});
  t.join();
  return cpu_seconds() - t0;
}

double time_process() {
  const double t0 = cpu_seconds();
  const pid_t pid = ::fork();
  if (pid < 0) ps::fail("fork");
  if (pid == 0) ::_exit(0);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) ps::check(errno == EINTR, "waitpid");
  return cpu_seconds() - t0;
}
}  // namespace

int main() {
  double thread_s = 0, process_s = 0;  // totals over the samples
  for (int i = 0; i < kSamples; ++i) {
    thread_s += time_thread();
    process_s += time_process();
  }
  // Only a clock far coarser than a thread's cost reads 0 over all 200: no ratio then.
  if (thread_s == 0)
    ps::unsupported("the CPU-time clock did not advance during 200 thread creations");
  ps::say("created ", kSamples, " threads (create+join) and ", kSamples,
          " processes (fork+waitpid)");
  ps::say("thread creation is cheaper than process creation: ",
          thread_s < process_s ? "yes" : "no");
  ps::say("measure: thread_create_join_us=", thread_s / kSamples * 1e6);
  ps::say("measure: fork_waitpid_us=", process_s / kSamples * 1e6);
  ps::say("measure: process_to_thread_ratio=", process_s / thread_s);
  return 0;
}
