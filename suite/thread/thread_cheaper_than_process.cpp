// THR-12: creating a thread costs much less than creating a process (the tutorial says about
// 1/20). Each sample creates one thread and joins it, or forks one child that _exits at once
// and reaps it; the samples alternate so that a change of machine load hits both kinds. A
// sample's cost is the CPU time it consumed, this process's and its reaped children's
// (getrusage): on a loaded machine the wall time of either is mostly the wait for a turn on
// a CPU, the same for both. The medians and their ratio are printed as "measure:" lines,
// which the harness keeps in the run's JSON; the trace checks only that a thread is cheaper.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <thread>
#include <vector>

#include "procsync.hpp"

namespace {
constexpr int kSamples = 200;

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

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
  std::vector<double> threads, processes;
  for (int i = 0; i < kSamples; ++i) {
    threads.push_back(time_thread());
    processes.push_back(time_process());
  }
  const double thread_s = median(threads);
  const double process_s = median(processes);
  ps::say("created ", kSamples, " threads (create+join) and ", kSamples,
          " processes (fork+waitpid)");
  ps::say("thread creation is cheaper than process creation: ",
          thread_s < process_s ? "yes" : "no");
  ps::say("measure: thread_create_join_us=", thread_s * 1e6);
  ps::say("measure: fork_waitpid_us=", process_s * 1e6);
  ps::say("measure: process_to_thread_ratio=", process_s / thread_s);
  return 0;
}
