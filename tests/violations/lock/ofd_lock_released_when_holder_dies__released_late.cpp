// Violates LCK-06: the OFD lock is not released when its holder dies, but a second later
// (here the parent shares the holder's open file description and closes it only 1 s after
// the kill), so the waiter's F_OFD_SETLKW returns late.
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

int ofd_lock(int fd, int cmd) {
  struct flock fl {};
  fl.l_type = F_WRLCK;
  fl.l_whence = SEEK_SET;
  return fcntl(fd, cmd, &fl);
}
}  // namespace

int main() {
  const std::string path = ps::work_dir() + "/violation.lock";
  const int shared_fd = open(path.c_str(), O_RDWR | O_CREAT, 0600);  // inherited by the holder
  ps::Shared<Box> box;
  ps::Child holder([&]() -> int {
    ps::say("holder: F_OFD_SETLKW returned ", ofd_lock(shared_fd, F_OFD_SETLKW));
    box->held = true;
    for (;;) pause();
  });
  ps::await([&] { return box->held.load(); }, "the holder to take the lock");
  const int fd = open(path.c_str(), O_RDWR | O_CLOEXEC);
  ofd_lock(fd, F_OFD_SETLK);
  ps::say("parent: F_OFD_SETLK failed: ", ps::errno_name(errno));
  close(fd);
  ps::Child waiter([&] {
    close(shared_fd);
    const int wfd = open(path.c_str(), O_RDWR | O_CLOEXEC);
    ps::say("waiter: F_OFD_SETLKW");
    box->about_to_lock = true;
    ps::say("waiter: F_OFD_SETLKW returned ", ofd_lock(wfd, F_OFD_SETLKW));
    return 0;
  });
  ps::await([&] { return box->about_to_lock.load(); }, "the waiter to be about to lock");
  ps::wait_for_state(waiter.pid(), "S", 3.0);
  ps::say("parent: waiter is blocked in F_OFD_SETLKW");
  ps::say("parent: killing the holder with SIGKILL");
  holder.kill(SIGKILL);
  ps::sleep_for(1.0);
  close(shared_fd);
  ps::say("parent: waiter ", waiter.wait().describe());
  ps::say("parent: holder ", holder.wait().describe());
  unlink(path.c_str());
  return 0;
}
