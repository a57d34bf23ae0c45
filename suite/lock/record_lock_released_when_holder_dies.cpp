// LCK-06 (fcntl record locks and open file description locks): a write lock on a whole
// file, taken by one process, excludes the others: a second process's non-blocking attempt
// fails at once, and a third one's blocking attempt blocks. When the holder is killed with
// SIGKILL its locks go with it (record locks: the kernel drops a dead process's locks; OFD
// locks: its descriptor, the last one on the open file description, is closed) and the
// blocked attempt returns at once.
//   fcntl  F_SETLK / F_SETLKW (POSIX record locks)
//   ofd    F_OFD_SETLK / F_OFD_SETLKW (Linux 3.15, POSIX.1-2024), each process on its own open
// One program for both, so that the commands are the only difference between the traces.
#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <string>
#include <string_view>

#include "procsync.hpp"

namespace {
// The two commands of a flavour, with the names the trace shows.
struct Commands {
  int set, setw;
  const char *set_name, *setw_name;
};

struct Box {
  std::atomic<bool> held{false};
  std::atomic<bool> about_to_lock{false};
};

// A write lock over the whole file (l_len 0: to the end, however it grows).
int write_lock(int fd, int cmd) {
  struct flock fl {};
  fl.l_type = F_WRLCK;
  fl.l_whence = SEEK_SET;
  fl.l_start = 0;
  fl.l_len = 0;
  fl.l_pid = 0;  // required for OFD locks, ignored for record locks
  return fcntl(fd, cmd, &fl);
}

}  // namespace

int main(int argc, char** argv) {
  const std::string_view flavour = argc > 1 ? argv[1] : "";
  Commands cmd{F_SETLK, F_SETLKW, "F_SETLK", "F_SETLKW"};
  if (flavour == "ofd") {
#ifdef F_OFD_SETLK
    cmd = {F_OFD_SETLK, F_OFD_SETLKW, "F_OFD_SETLK", "F_OFD_SETLKW"};
#else
    ps::unsupported("<fcntl.h> has no F_OFD_SETLK: no OFD locks");
#endif
  } else if (flavour != "fcntl") {
    ps::say("usage: record_lock_released_when_holder_dies fcntl|ofd");
    return 2;
  }
  const ps::WorkFile file("record_lock_released_when_holder_dies.lock");
  ps::Shared<Box> box;
#ifdef F_OFD_SETLK
  if (flavour == "ofd") {
    // A kernel older than Linux 3.15 may know the constant but not the command.
    const int fd = file.open_rw();
    struct flock probe {};
    probe.l_type = F_WRLCK;
    probe.l_whence = SEEK_SET;
    if (fcntl(fd, F_OFD_GETLK, &probe) != 0 && errno == EINVAL) {
      unlink(file.path().c_str());  // unsupported() exits without running destructors
      ps::unsupported("the kernel refuses F_OFD_GETLK with EINVAL: no OFD locks");
    }
    close(fd);
  }
#endif

  ps::Child holder([&]() -> int {
    const int fd = file.open_rw();
    ps::say("holder: ", cmd.setw_name, " ", ps::outcome(write_lock(fd, cmd.setw)));
    box->held = true;
    for (;;) pause();
  });
  ps::await([&] { return box->held.load(); }, "the holder to take the lock");

  // The parent is a second process: its non-blocking attempt must fail at once.
  const int fd = file.open_rw();
  ps::say("parent: ", cmd.set_name, " ", ps::outcome(write_lock(fd, cmd.set)));
  close(fd);

  ps::Child waiter([&] {
    const int wfd = file.open_rw();
    ps::say("waiter: ", cmd.setw_name);
    box->about_to_lock = true;
    ps::say("waiter: ", cmd.setw_name, " ", ps::outcome(write_lock(wfd, cmd.setw)));
    return 0;
  });
  ps::await([&] { return box->about_to_lock.load(); }, "the waiter to be about to lock");
  ps::check(ps::wait_for_state(waiter.pid(), "S", 3.0), "waiter never blocked");
  ps::say("parent: waiter is blocked in ", cmd.setw_name);

  ps::say("parent: killing the holder with SIGKILL");
  holder.kill(SIGKILL);
  ps::say("parent: waiter ", waiter.wait().describe());
  ps::say("parent: holder ", holder.wait().describe());
  return 0;
}
