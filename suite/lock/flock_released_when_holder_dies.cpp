// LCK-06 (flock): an exclusive flock() taken by one process, on its own open of the file,
// excludes the others: a second process's flock(LOCK_EX|LOCK_NB) fails at once, and a third
// one's flock(LOCK_EX) blocks. When the holder is killed with SIGKILL, its descriptor is
// closed, the lock goes with it, and the blocked flock returns at once. Each process opens
// the file itself: a flock lock belongs to the open file description, which a descriptor
// inherited across fork would share.
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
  const ps::WorkFile file("flock_released_when_holder_dies.lock");
  ps::Shared<Box> box;

  ps::Child holder([&]() -> int {
    const int fd = file.open_rw();
    ps::say("holder: flock(LOCK_EX) ", ps::outcome(flock(fd, LOCK_EX)));
    box->held = true;
    for (;;) pause();
  });
  ps::await([&] { return box->held.load(); }, "the holder to take the lock");

  // The parent is a second process: its non-blocking attempt must fail at once.
  const int fd = file.open_rw();
  ps::say("parent: flock(LOCK_EX|LOCK_NB) ", ps::outcome(flock(fd, LOCK_EX | LOCK_NB)));
  close(fd);

  ps::Child waiter([&] {
    const int wfd = file.open_rw();
    ps::say("waiter: flock(LOCK_EX)");
    box->about_to_lock = true;
    ps::say("waiter: flock(LOCK_EX) ", ps::outcome(flock(wfd, LOCK_EX)));
    return 0;
  });
  ps::await([&] { return box->about_to_lock.load(); }, "the waiter to be about to lock");
  ps::check(ps::wait_for_state(waiter.pid(), "S", 3.0), "waiter never blocked");
  ps::say("parent: waiter is blocked in flock");

  ps::say("parent: killing the holder with SIGKILL");
  holder.kill(SIGKILL);
  ps::say("parent: waiter ", waiter.wait().describe());
  ps::say("parent: holder ", holder.wait().describe());
  return 0;
}
