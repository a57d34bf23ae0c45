// Violates SEM-11: SEM_UNDO not applied when the process dies: child 1's +2 stays.
#include <sys/ipc.h>
#include <sys/sem.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <functional>
#include <string>

#include "procsync.hpp"

namespace {
constexpr double kHoldSeconds = 0.5;  // the waiter stays blocked this long
constexpr int kSlot = 0;              // this program's System V key slot

// semctl's fourth argument, which the caller must declare (POSIX).
union semun {
  int val;
  semid_ds* buf;
  unsigned short* array;
};

// The set, removed with IPC_RMID when the program leaves main normally.
class SemSet {
 public:
  SemSet() {
    const key_t key = ps::sysv_key(kSlot);
    id_ = semget(key, 1, IPC_CREAT | IPC_EXCL | 0600);
    if (id_ < 0 && errno == EEXIST) {
      // Left by an earlier run of this harness that was killed before its sweep: replace it.
      const int old = semget(key, 1, 0600);
      if (old >= 0) semctl(old, 0, IPC_RMID);
      id_ = semget(key, 1, IPC_CREAT | IPC_EXCL | 0600);
    }
    if (id_ < 0 && errno == ENOSYS) ps::unsupported("semget: ENOSYS (no System V IPC)");
    ps::check(id_ >= 0, "semget");
  }
  ~SemSet() { remove(); }
  SemSet(const SemSet&) = delete;
  SemSet& operator=(const SemSet&) = delete;

  int id() const { return id_; }
  int get(int cmd) const {
    const int v = semctl(id_, 0, cmd);
    if (v < 0) ps::fail("semctl");
    return v;
  }
  void set_value(int v) const {
    semun arg{};
    arg.val = v;
    ps::check(semctl(id_, 0, SETVAL, arg) == 0, "semctl(SETVAL)");
  }
  // semop of one operation on semaphore 0: "returned 0" or "failed: <ERRNO>".
  std::string op(short delta, short flags) const {
    sembuf b{};
    b.sem_num = 0;
    b.sem_op = delta;
    b.sem_flg = flags;
    int rc;
    while ((rc = semop(id_, &b, 1)) < 0 && errno == EINTR) {
    }
    return ps::outcome(rc);
  }
  int remove() {
    if (id_ < 0) return 0;
    const int rc = semctl(id_, 0, IPC_RMID);
    id_ = -1;
    return rc;
  }

 private:
  int id_ = -1;
};

struct Box {
  std::atomic<bool> about_to_wait{false};
  std::atomic<bool> done{false};
};
}  // namespace

int main() {
  SemSet set;
  ps::Shared<Box> box;
  set.set_value(0);  // a new set's values are unspecified by POSIX
  ps::say("semaphore set created; value ", set.get(GETVAL));
  ps::say("semop(-1, IPC_NOWAIT) at zero: ", set.op(-1, IPC_NOWAIT));

  ps::Child waiter([&] {
    ps::say("waiter: semop(-1)");
    box->about_to_wait = true;
    ps::say("waiter: semop(-1) ", set.op(-1, 0));
    return 0;
  });
  ps::await([&] { return box->about_to_wait.load(); }, "the waiter to start", 5);
  ps::check(ps::wait_for_state(waiter.pid(), "S", 5), "waiter never blocked");
  ps::say("main: the waiter is blocked; semncnt ", set.get(GETNCNT));
  ps::sleep_for(kHoldSeconds);
  // Announced before the call: the waiter's line may come as soon as the value changes.
  ps::say("main: semop(+1)");
  ps::check(set.op(1, 0) == "returned 0", "semop(+1)");
  ps::say("main: waiter ", waiter.wait().describe());
  ps::say("main: value ", set.get(GETVAL), ", semncnt ", set.get(GETNCNT));

  // SEM_UNDO: a process killed after adding 2 with SEM_UNDO leaves nothing behind.
  ps::Child undone([&]() -> int {
    ps::say("child 1: semop(+2, SEM_UNDO) ", set.op(2, 0));
    box->done = true;
    for (;;) pause();
  });
  ps::await([&] { return box->done.load(); }, "child 1 to add", 5);
  ps::say("main: value ", set.get(GETVAL), " while child 1 lives; killing it with SIGKILL");
  undone.kill(SIGKILL);
  ps::say("main: child 1 ", undone.wait().describe());
  ps::say("main: value after child 1 died: ", set.get(GETVAL));

  // Without SEM_UNDO the operation stays after the process ends.
  ps::Child kept([&] {
    ps::say("child 2: semop(+1) ", set.op(1, 0));
    return 0;
  });
  ps::say("main: child 2 ", kept.wait().describe());
  ps::say("main: value after child 2 exited: ", set.get(GETVAL));

  // SEM_UNDO reverts a take as well, at a normal exit too.
  ps::Child taker([&] {
    const std::string took = set.op(-1, SEM_UNDO);
    ps::say("child 3: semop(-1, SEM_UNDO) ", took, "; value ", set.get(GETVAL));
    return 0;
  });
  ps::say("main: child 3 ", taker.wait().describe());
  ps::say("main: value after child 3 exited: ", set.get(GETVAL));

  ps::say("semctl(IPC_RMID) ", ps::outcome(set.remove()));
  return 0;
}
