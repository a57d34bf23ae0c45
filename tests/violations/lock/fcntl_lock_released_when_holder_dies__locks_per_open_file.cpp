// Violates LCK-06: record locks kept per open file description, as OFD locks are (a
// sandbox or emulator implementing F_SETLK with one kind of lock for all): between
// processes with their own open()s it behaves, so the first half passes; two open()s of one
// process conflict, a child gets the lock on the inherited descriptor, and closing another
// descriptor of the file keeps it.
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
  std::atomic<bool> child_tried{false};
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

// What another process, on its own open of the file, gets for a non-blocking attempt.
std::string another_process_attempt(const ps::WorkFile& file, const Commands& cmd) {
  ps::Shared<int> err(0);
  ps::Child other([&] {
    const int fd = file.open_rw();
    *err = write_lock(fd, cmd.set) == 0 ? 0 : errno;
    return 0;
  });
  ps::check(other.wait().exited(), "the other process did not exit");
  return *err == 0 ? "returned 0" : std::string("failed: ") + ps::errno_name(*err);
}

}  // namespace

int main(int argc, char** argv) {
  const std::string_view flavour = argc > 1 ? argv[1] : "";
  Commands cmd{F_OFD_SETLK, F_OFD_SETLKW, "F_SETLK", "F_SETLKW"};
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
    // A kernel older than Linux 3.15 may know the constant but not the command. EINVAL is
    // taken for absence only when it is the answer to every OFD command while the same
    // request as a record lock is accepted: a platform that knows some OFD commands and
    // refuses others is broken, not lacking them, and must fail.
    const int fd = file.open_rw();
    struct flock probe {};
    probe.l_type = F_WRLCK;
    probe.l_whence = SEEK_SET;
    if (fcntl(fd, F_OFD_GETLK, &probe) != 0 && errno == EINVAL) {
      struct flock unlock {};
      unlock.l_type = F_UNLCK;
      unlock.l_whence = SEEK_SET;
      const int setlk = fcntl(fd, F_OFD_SETLK, &unlock);
      const int setlk_errno = errno;
      probe.l_type = F_WRLCK;
      ps::check(fcntl(fd, F_GETLK, &probe) == 0, "F_GETLK with the request F_OFD_GETLK refused");
      if (setlk == 0 || setlk_errno != EINVAL) {
        ps::say(
            "F_OFD_GETLK failed: EINVAL, but F_OFD_SETLK ",
            setlk == 0 ? "returned 0" : "failed: ", setlk == 0 ? "" : ps::errno_name(setlk_errno));
        return 1;
      }
      unlink(file.path().c_str());  // unsupported() exits without running destructors
      ps::unsupported("the kernel refuses F_OFD_GETLK and F_OFD_SETLK with EINVAL: no OFD locks");
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

  // One process, two open()s.
  {
    const int first = file.open_rw();
    const int second = file.open_rw();
    ps::say("same process: first open ", cmd.set_name, " ",
            ps::outcome(write_lock(first, cmd.set)));
    ps::say("same process: second open ", cmd.set_name, " ",
            ps::outcome(write_lock(second, cmd.set)));
    close(second);
    close(first);
  }

  // A descriptor inherited across fork.
  {
    const int shared = file.open_rw();
    ps::say("inherited: parent ", cmd.set_name, " ", ps::outcome(write_lock(shared, cmd.set)));
    ps::Child child([&]() -> int {
      ps::say("inherited: child ", cmd.set_name, " on the inherited descriptor ",
              ps::outcome(write_lock(shared, cmd.set)));
      box->child_tried = true;
      for (;;) pause();
    });
    ps::await([&] { return box->child_tried.load(); }, "the child's attempt");
    close(shared);
    ps::say("inherited: parent closed its descriptor, another process's ", cmd.set_name, " ",
            another_process_attempt(file, cmd));
    child.kill(SIGKILL);
    const std::string child_end = child.wait().describe();  // before the next attempt
    ps::say("inherited: child ", child_end, ", another process's ", cmd.set_name, " ",
            another_process_attempt(file, cmd));
  }

  // Closing another descriptor of the file.
  {
    const int locked = file.open_rw();
    ps::say("other descriptor: ", cmd.set_name, " ", ps::outcome(write_lock(locked, cmd.set)));
    close(file.open_rw());
    ps::say("other descriptor: opened and closed, another process's ", cmd.set_name, " ",
            another_process_attempt(file, cmd));
    close(locked);
  }
  return 0;
}
