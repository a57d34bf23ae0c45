// Violates LCK-06: flock() emulated with whole-file fcntl record locks, as the Linux NFS
// client has done since 2.6.12 unless mounted with local_lock=flock (flock(2), NOTES): the
// lock belongs to the process, not to the open file description. Between processes with
// their own open()s it behaves, so the first half passes; two open()s of one process no
// longer conflict, a child is refused on the inherited descriptor, and closing any
// descriptor of the file drops the lock.
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <string>

#include "procsync.hpp"

namespace {
// The emulation: LOCK_EX as F_WRLCK over the whole file, LOCK_NB choosing F_SETLK.
int flock_by_fcntl(int fd, int op) {
  struct flock fl {};
  fl.l_type = (op & LOCK_UN) ? F_UNLCK : (op & LOCK_SH) ? F_RDLCK : F_WRLCK;
  fl.l_whence = SEEK_SET;
  return fcntl(fd, (op & LOCK_NB) ? F_SETLK : F_SETLKW, &fl);
}
#define flock(fd, op) flock_by_fcntl(fd, op)

struct Box {
  std::atomic<bool> held{false};
  std::atomic<bool> about_to_lock{false};
  std::atomic<bool> child_tried{false};
};

// What another process, on its own open of the file, gets for a non-blocking attempt.
std::string another_process_attempt(const ps::WorkFile& file) {
  ps::Shared<int> err(0);
  ps::Child other([&] {
    const int fd = file.open_rw();
    *err = flock(fd, LOCK_EX | LOCK_NB) == 0 ? 0 : errno;
    return 0;
  });
  ps::check(other.wait().exited(), "the other process did not exit");
  return *err == 0 ? "returned 0" : std::string("failed: ") + ps::errno_name(*err);
}

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

  // One process, two open()s: two open file descriptions, so the second lock conflicts.
  {
    const int first = file.open_rw();
    const int second = file.open_rw();
    ps::say("same process: first open flock(LOCK_EX) ", ps::outcome(flock(first, LOCK_EX)));
    ps::say("same process: second open flock(LOCK_EX|LOCK_NB) ",
            ps::outcome(flock(second, LOCK_EX | LOCK_NB)));
    close(second);
    close(first);
  }

  // A descriptor inherited across fork shares the open file description and its lock.
  {
    const int shared = file.open_rw();
    ps::say("inherited: parent flock(LOCK_EX) ", ps::outcome(flock(shared, LOCK_EX)));
    ps::Child child([&]() -> int {
      ps::say("inherited: child flock(LOCK_EX|LOCK_NB) on the inherited descriptor ",
              ps::outcome(flock(shared, LOCK_EX | LOCK_NB)));
      box->child_tried = true;
      for (;;) pause();
    });
    ps::await([&] { return box->child_tried.load(); }, "the child's attempt");
    close(shared);
    ps::say(
        "inherited: parent closed its descriptor, another process's "
        "flock(LOCK_EX|LOCK_NB) ",
        another_process_attempt(file));
    child.kill(SIGKILL);
    const std::string child_end = child.wait().describe();  // before the next attempt
    ps::say("inherited: child ", child_end, ", another process's flock(LOCK_EX|LOCK_NB) ",
            another_process_attempt(file));
  }

  // Closing another descriptor of the file leaves the lock of this one alone.
  {
    const int locked = file.open_rw();
    ps::say("other descriptor: flock(LOCK_EX) ", ps::outcome(flock(locked, LOCK_EX)));
    close(file.open_rw());
    ps::say("other descriptor: opened and closed, another process's flock(LOCK_EX|LOCK_NB) ",
            another_process_attempt(file));
    close(locked);
  }
  return 0;
}
