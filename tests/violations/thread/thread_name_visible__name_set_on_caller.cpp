// Violates THR-04: naming another thread names the caller (a platform that implements
// pthread_setname_np with prctl(PR_SET_NAME), which only names the calling thread), so the
// worker keeps its old name.
#include <fcntl.h>
#include <pthread.h>
#include <unistd.h>

#include <atomic>
#include <latch>
#include <string>
#include <thread>

#include "procsync.hpp"

namespace {
std::atomic<pid_t> g_tid{0};
std::latch g_done{1};  // keeps the worker alive until main has finished with it

// What the kernel shows for a thread; comm ends with a newline.
std::string comm_of(pid_t tid) {
  const std::string path = "/proc/self/task/" + std::to_string(tid) + "/comm";
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) ps::fail("open " + path);
  char buf[64];
  const ssize_t n = ::read(fd, buf, sizeof buf);
  ::close(fd);
  if (n < 0) ps::fail("read " + path);
  std::string s(buf, static_cast<std::size_t>(n));
  if (!s.empty() && s.back() == '\n') s.pop_back();
  return s;
}

const char* result(int rc) {
  return rc == 0 ? "0" : ps::errno_name(rc);
}
}  // namespace

int main() {
  std::thread worker([] {
    g_tid = ps::this_thread_id();
    g_done.wait();
  });
  ps::await([&] { return g_tid != 0; }, "the thread to start");
  const pid_t tid = g_tid;
  const pthread_t handle = worker.native_handle();

  // 15 bytes: the longest name the system keeps.
  ps::say("main: pthread_setname_np(worker, \"procsync-worker\"): ",
          result(pthread_setname_np(pthread_self(), "procsync-worker")));
  ps::say("system shows: ", comm_of(tid));

  // 16 bytes: one too many.
  ps::say("main: pthread_setname_np(worker, \"procsync-worker2\"): ",
          result(pthread_setname_np(handle, "procsync-worker2")));
  ps::say("system still shows: ", comm_of(tid));

  // A thread can also name itself.
  std::thread self_namer([] {
    ps::say("thread: naming itself: ", result(pthread_setname_np(pthread_self(), "self-named")));
    ps::say("thread: system shows: ", comm_of(ps::this_thread_id()));
  });
  self_namer.join();

  g_done.count_down();
  worker.join();
  return 0;
}
