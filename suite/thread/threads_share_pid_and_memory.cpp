// THR-01: one process holds several threads at once. They share its memory (a global written
// by one is read by another) and its pid (getpid() is the same everywhere), and each has its
// own kernel thread id (gettid() differs), listed under /proc/self/task.
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <latch>
#include <string>
#include <thread>

#include "procsync.hpp"

namespace {
constexpr int kThreads = 2;

struct Seen {
  pid_t pid = 0;
  pid_t tid = 0;
  std::string read_from_main;  // what the thread found in g_from_main
};

// Plain globals: the threads and main read and write the very same objects. The latches
// order the accesses (they synchronise like a mutex would).
Seen g_seen[kThreads];
std::string g_from_main;
int g_from_threads[kThreads] = {};

std::latch g_all_running{kThreads};  // every thread has started and recorded its ids
std::latch g_go{1};                  // main has written g_from_main

bool task_listed(pid_t tid) {
  struct stat st {};
  return ::stat(("/proc/self/task/" + std::to_string(tid)).c_str(), &st) == 0;
}

const char* yes_no(bool b) {
  return b ? "yes" : "no";
}
}  // namespace

int main() {
  const pid_t main_pid = ::getpid();
  const pid_t main_tid = ps::this_thread_id();

  std::thread threads[kThreads];
  for (int i = 0; i < kThreads; ++i) {
    threads[i] = std::thread([i] {
      g_seen[i].pid = ::getpid();
      g_seen[i].tid = ps::this_thread_id();
      g_all_running.count_down();
      g_go.wait();  // stay alive until main has looked at every thread
      g_seen[i].read_from_main = g_from_main;
      g_from_threads[i] = 100 + i;
    });
  }

  // Both threads are alive at this point: neither returns before g_go opens.
  g_all_running.wait();
  bool all_listed = true;
  for (const auto& s : g_seen) all_listed = all_listed && task_listed(s.tid);
  ps::say("main: ", kThreads,
          " threads running at once, each listed in /proc/self/task: ", yes_no(all_listed));

  // Written after the threads started, so they can only see it through shared memory.
  g_from_main = "hello from main";
  g_go.count_down();
  for (auto& t : threads) t.join();

  for (int i = 0; i < kThreads; ++i) {
    ps::say("thread ", i + 1,
            ": getpid() is the same as main's: ", yes_no(g_seen[i].pid == main_pid));
    ps::say("thread ", i + 1, ": read main's global: ", g_seen[i].read_from_main);
    ps::say("main: read thread ", i + 1, "'s global: ", g_from_threads[i]);
  }
  const bool ids_differ =
      g_seen[0].tid != main_tid && g_seen[1].tid != main_tid && g_seen[0].tid != g_seen[1].tid;
  ps::say("gettid() differs between main, thread 1 and thread 2: ", yes_no(ids_differ));
  return 0;
}
