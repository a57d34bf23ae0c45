// THR-13 (Linux): a new thread's name starts as the program's name, and another thread's name
// reads back through /proc/self/task/<tid>/comm. On exec Linux sets the name (comm) to the
// file name of the program, cut to 15 bytes; threads inherit their creator's. A worker reads
// its own name (pthread_getname_np), the main thread reads it through the handle and through
// comm; after the worker renames itself, the main thread reads the new name both ways; a
// thread started afterwards by the main thread again starts with the program's name.
#include <fcntl.h>
#include <pthread.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <functional>
#include <string>
#include <thread>

#include "procsync.hpp"

namespace {
constexpr std::size_t kCommBytes = 15;  // TASK_COMM_LEN 16, with the NUL

// What the kernel shows as a thread's name; comm ends with a newline.
std::string comm_of(pid_t tid) {
  const std::string path = "/proc/self/task/" + std::to_string(tid) + "/comm";
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) ps::unsupported("cannot open " + path + ": " + ps::errno_name(errno));
  char buf[64];
  const ssize_t n = ::read(fd, buf, sizeof buf);
  ::close(fd);
  if (n < 0) ps::fail("read " + path);
  std::string s(buf, static_cast<std::size_t>(n));
  if (!s.empty() && s.back() == '\n') s.pop_back();
  return s;
}

std::string name_of(pthread_t thread) {
  char buf[64] = {};
  const int rc = pthread_getname_np(thread, buf, sizeof buf);
  if (rc != 0) return std::string("(pthread_getname_np failed: ") + ps::errno_name(rc) + ")";
  return buf;
}

// The program's file name as exec saw it: the harness passes the program's path; by hand,
// argv[0].
std::string program_file_name(const char* argv0) {
  const char* self = std::getenv(ps::protocol::kEnvSelf.data());
  std::string path = self != nullptr && *self != '\0' ? self : argv0;
  const auto slash = path.rfind('/');
  if (slash != std::string::npos) path = path.substr(slash + 1);
  return path.substr(0, kCommBytes);
}

const char* yes_no(bool b) {
  return b ? "yes" : "no";
}
}  // namespace

int main(int, char** argv) {
#ifndef __linux__
  ps::unsupported("thread names through /proc/self/task/<tid>/comm are Linux's");
#endif
  const std::string program = program_file_name(argv[0]);
  const std::string main_name = comm_of(getpid());
  ps::say("main thread's name is the program's file name cut to 15 bytes: ",
          yes_no(main_name == program));

  std::atomic<pid_t> tid{0};
  std::atomic<bool> renamed{false}, done{false};
  std::thread worker([&] {
    ps::say("worker: its own name is the program's: ", yes_no(name_of(pthread_self()) == program));
    tid = ps::this_thread_id();
    ps::await([&] { return done.load(); }, "main to tell the worker to rename itself", 10);
    done = false;
    const int rc = pthread_setname_np(pthread_self(), "renamed-13");
    ps::say("worker: pthread_setname_np(self, \"renamed-13\") ",
            rc == 0 ? "returned 0" : ps::errno_name(rc));
    renamed = true;
    ps::await([&] { return done.load(); }, "main to tell the worker to end", 10);
  });
  ps::await([&] { return tid != 0; }, "the worker to start", 5);
  ps::say("main: worker's name through its handle is the program's: ",
          yes_no(name_of(worker.native_handle()) == program));
  ps::say("main: worker's name through /proc/self/task/<tid>/comm is the program's: ",
          yes_no(comm_of(tid) == program));

  done = true;
  ps::await([&] { return renamed.load(); }, "the worker to rename itself", 5);
  ps::say("main: worker's name through its handle: ", name_of(worker.native_handle()));
  ps::say("main: worker's name through /proc/self/task/<tid>/comm: ", comm_of(tid));

  std::thread second([&] {
    ps::say("second thread: its own name is the program's: ",
            yes_no(name_of(pthread_self()) == program));
  });
  second.join();
  done = true;
  worker.join();
  return 0;
}
