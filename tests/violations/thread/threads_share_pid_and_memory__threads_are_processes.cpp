// Violates THR-01: "threads" that are really processes (as with the old LinuxThreads, where
// each thread had its own pid): getpid() differs and globals are copies, not shared.
#include <unistd.h>

#include <string>

#include "procsync.hpp"

namespace {
std::string g_from_main;
int g_from_threads[2] = {};
struct Seen {
  pid_t pid;
  char read_from_main[32];
};
}  // namespace

int main() {
  const pid_t main_pid = ::getpid();
  ps::Shared<Seen> seen[2];
  for (int i = 0; i < 2; ++i) {
    ps::Child c([&, i] {
      seen[i]->pid = ::getpid();
      g_from_main.copy(seen[i]->read_from_main, sizeof seen[i]->read_from_main - 1);
      g_from_threads[i] = 100 + i;
      return 0;
    });
    g_from_main = "hello from main";
    c.wait();
    g_from_main.clear();
  }
  ps::say("main: 2 threads running at once, each listed in /proc/self/task: yes");
  for (int i = 0; i < 2; ++i) {
    ps::say("thread ", i + 1,
            ": getpid() is the same as main's: ", seen[i]->pid == main_pid ? "yes" : "no");
    ps::say("thread ", i + 1, ": read main's global: ", seen[i]->read_from_main);
    ps::say("main: read thread ", i + 1, "'s global: ", g_from_threads[i]);
  }
  ps::say("gettid() differs between main, thread 1 and thread 2: yes");
  return 0;
}
