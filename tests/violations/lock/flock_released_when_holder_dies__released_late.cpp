// Violates LCK-06: the lock is not released when its holder dies, but a second later (here
// the parent shares the holder's open file description and closes it only 1 s after the
// kill), so the waiter's flock returns late.
#include <fcntl.h>
#include <sys/file.h>
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
}  // namespace

int main() {
  const std::string path = ps::work_dir() + "/violation.lock";
  const int shared_fd = open(path.c_str(), O_RDWR | O_CREAT, 0600);  // inherited by the holder
  ps::Shared<Box> box;
  ps::Child holder([&]() -> int {
    ps::say("holder: flock(LOCK_EX) returned ", flock(shared_fd, LOCK_EX));
    box->held = true;
    for (;;) pause();
  });
  ps::await([&] { return box->held.load(); }, "the holder to take the lock");
  const int fd = open(path.c_str(), O_RDWR | O_CLOEXEC);
  flock(fd, LOCK_EX | LOCK_NB);
  ps::say("parent: flock(LOCK_EX|LOCK_NB) failed: ", ps::errno_name(errno));
  close(fd);
  ps::Child waiter([&] {
    close(shared_fd);
    const int wfd = open(path.c_str(), O_RDWR | O_CLOEXEC);
    ps::say("waiter: flock(LOCK_EX)");
    box->about_to_lock = true;
    ps::say("waiter: flock(LOCK_EX) returned ", flock(wfd, LOCK_EX));
    return 0;
  });
  ps::await([&] { return box->about_to_lock.load(); }, "the waiter to be about to lock");
  ps::wait_for_state(waiter.pid(), "S", 3.0);
  ps::say("parent: waiter is blocked in flock");
  ps::say("parent: killing the holder with SIGKILL");
  holder.kill(SIGKILL);
  ps::sleep_for(1.0);
  close(shared_fd);
  ps::say("parent: waiter ", waiter.wait().describe());
  ps::say("parent: holder ", holder.wait().describe());
  unlink(path.c_str());
  return 0;
}
