// PRC-01: a forked child runs concurrently with its parent, and the parent collects the
// child's exit status. The parent goes on working while it has proved the child asleep; its
// waitpid() returns when the child exits, 0.5 s later, with WIFEXITED and WEXITSTATUS 7.
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>

#include "procsync.hpp"

namespace {
constexpr double kChildWork = 0.5;  // how long the child runs
constexpr int kChildStatus = 7;
}  // namespace

int main() {
  const pid_t parent = ::getpid();
  ps::Shared<std::atomic<bool>> started(false);
  ps::Child child([&] {
    ps::say("child: started; its parent is the forking process: ",
            ::getppid() == parent ? "yes" : "no");
    *started = true;
    ps::sleep_for(kChildWork);
    ps::say("child: exiting with status ", kChildStatus);
    return kChildStatus;
  });
  ps::await([&] { return started->load(); }, "the child to start");
  ps::check(ps::wait_for_state(child.pid(), "S"), "child never slept");
  ps::say("parent: running while the child sleeps");
  const ps::Status st = child.wait();  // waitpid(pid, &status, 0)
  ps::say("parent: WIFEXITED ", st.exited(), ", WEXITSTATUS ", st.exit_code());
  return 0;
}
