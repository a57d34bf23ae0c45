// Violates LCK-06: record locks do not exclude between processes (here the holder's lock is
// on a different file), so the parent's F_SETLK succeeds while the holder "holds" the lock.
#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <string>

#include "procsync.hpp"

namespace {
int write_lock(const std::string& path, int cmd) {
  const int fd = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  struct flock fl {};
  fl.l_type = F_WRLCK;
  fl.l_whence = SEEK_SET;
  return fcntl(fd, cmd, &fl) == 0 ? 0 : errno;
}
const char* outcome(int err) {
  return err == 0 ? "returned 0" : ps::errno_name(err);
}
}  // namespace

int main() {
  const std::string path = ps::work_dir() + "/violation.lock";
  const std::string elsewhere = ps::work_dir() + "/violation-elsewhere.lock";
  ps::Shared<std::atomic<bool>> held(false);
  ps::Child holder([&]() -> int {
    ps::say("holder: F_SETLKW ", outcome(write_lock(elsewhere, F_SETLKW)));
    *held = true;
    for (;;) pause();
  });
  ps::await([&] { return held->load(); }, "the holder to take the lock");
  ps::say("parent: F_SETLK ", outcome(write_lock(path, F_SETLK)));
  holder.kill(SIGKILL);
  ps::say("parent: holder ", holder.wait().describe());
  unlink(path.c_str());
  unlink(elsewhere.c_str());
  return 0;
}
