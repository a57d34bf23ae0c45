// Violates THR-12: a platform where creating a thread costs as much as creating a process
// and more (here each "thread" creation also forks), so threads are not cheaper.
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <thread>
#include <vector>

#include "procsync.hpp"

namespace {
double fork_and_reap() {
  const double t0 = ps::monotonic_seconds();
  const pid_t pid = ::fork();
  if (pid == 0) ::_exit(0);
  int status = 0;
  ::waitpid(pid, &status, 0);
  return ps::monotonic_seconds() - t0;
}
}  // namespace

int main() {
  std::vector<double> threads, processes;
  for (int i = 0; i < 200; ++i) {
    const double t0 = ps::monotonic_seconds();
    std::thread t([] { fork_and_reap(); });
    t.join();
    threads.push_back(ps::monotonic_seconds() - t0);
    processes.push_back(fork_and_reap());
  }
  std::sort(threads.begin(), threads.end());
  std::sort(processes.begin(), processes.end());
  const double thread_s = threads[100], process_s = processes[100];
  ps::say("created 200 threads (create+join) and 200 processes (fork+waitpid)");
  ps::say("thread creation is cheaper than process creation: ",
          thread_s < process_s ? "yes" : "no");
  ps::say("measure: thread_create_join_us=", thread_s * 1e6);
  ps::say("measure: fork_waitpid_us=", process_s * 1e6);
  ps::say("measure: process_to_thread_ratio=", process_s / thread_s);
  return 0;
}
