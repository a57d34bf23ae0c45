// LCK-06 (open file description locks): a write lock on a whole file, taken with
// F_OFD_SETLKW by one process on its own open of the file, excludes the others: a second
// process's F_OFD_SETLK fails at once, and a third one's F_OFD_SETLKW blocks. The lock
// belongs to the open file description; when the holder is killed with SIGKILL its
// descriptor, the last one on that description, is closed, and the blocked F_OFD_SETLKW
// returns at once.
#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <string>

#include "procsync.hpp"

namespace {
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
  fl.l_pid = 0;  // required for OFD locks
  return fcntl(fd, cmd, &fl);
}

}  // namespace

int main() {
  const ps::WorkFile file("ofd_lock_released_when_holder_dies.lock");
  ps::Shared<Box> box;
  {
    // A kernel older than Linux 3.15 knows the constant but not the command.
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

  ps::Child holder([&]() -> int {
    const int fd = file.open_rw();
    ps::say("holder: F_OFD_SETLKW ", ps::outcome(write_lock(fd, F_OFD_SETLKW)));
    box->held = true;
    for (;;) pause();
  });
  while (!box->held) ps::sleep_for(0.001);

  // The parent is a second process: its non-blocking attempt must fail at once.
  const int fd = file.open_rw();
  ps::say("parent: F_OFD_SETLK ", ps::outcome(write_lock(fd, F_OFD_SETLK)));
  close(fd);

  ps::Child waiter([&] {
    const int wfd = file.open_rw();
    ps::say("waiter: F_OFD_SETLKW");
    box->about_to_lock = true;
    ps::say("waiter: F_OFD_SETLKW ", ps::outcome(write_lock(wfd, F_OFD_SETLKW)));
    return 0;
  });
  while (!box->about_to_lock) ps::sleep_for(0.001);
  ps::check(ps::wait_for_state(waiter.pid(), "S", 3.0), "waiter never blocked");
  ps::say("parent: waiter is blocked in F_OFD_SETLKW");

  ps::say("parent: killing the holder with SIGKILL");
  holder.kill(SIGKILL);
  ps::say("parent: waiter ", waiter.wait().describe());
  ps::say("parent: holder ", holder.wait().describe());
  return 0;
}
