// Where a run's processes live, so that none outlives the harness, even one killed outright.
//
// Where the platform allows it (root, or CAP_SYS_ADMIN), every process of the run is in a
// PID namespace of its own whose init is a small process of the harness: it reaps orphans,
// forwards nothing, and dies with the harness (PR_SET_PDEATHSIG); when a namespace's init
// dies, the kernel kills everything in it. The program is the namespace's second process,
// never its init (PID 1 ignores signals it has no handler for), and still the harness's
// child (wait statuses, stops and stimuli work as without the namespace). A mount namespace
// with a fresh /proc lets programs read /proc/<pid> with the pids they see.
//
// Otherwise (namespaces refused, or PROCSYNC_CONTAINMENT=subreaper) the harness is a child
// subreaper: orphans come back to it and it kills them at the end; a harness killed outright
// leaves them to the next run's sweep (cleanup.hpp).
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

#include "process.hpp"

namespace procsync {

class Containment {
 public:
  // Sets up the namespace and its init, or falls back to the subreaper (saying why).
  static Containment enter();
  Containment() = default;
  Containment(Containment&&) = default;
  Containment& operator=(Containment&&) = default;
  // Later children of the harness are born in its own PID namespace again (so that another
  // run in the same process can have a namespace of its own).
  ~Containment();

  bool in_namespace() const { return init_ >= 0; }
  // In words, for the result: "pid namespace" or "subreaper (<why not the namespace>)".
  const std::string& description() const { return description_; }
  // The descriptor of the mount namespace the program joins (-1 without the namespace).
  int mount_namespace() const { return mount_ns_.get(); }
  // The process that adopts orphans: the namespace's init, or the harness itself.
  pid_t reaper() const;
  // The orphans the reaper holds: every process of the run that outlived its parent.
  std::vector<ChildInfo> orphans() const;
  // Kills every process of the run but the program (the caller kills its group): with the
  // namespace, by killing its init, which takes everything else in it along; without, one
  // orphan at a time. Call again until nothing is left to wait for.
  void kill_all() const;
  // The harness reaped `pid`: when it is the init, its pid is no longer ours to signal.
  void reaped(pid_t pid) {
    if (pid == init_) init_alive_ = false;
  }

 private:
  pid_t init_ = -1;
  bool init_alive_ = false;
  Fd mount_ns_;
  Fd life_;        // the write end the init watches: it ends when the harness does
  Fd own_pid_ns_;  // the harness's own PID namespace, to return to
  std::string description_;
};

}  // namespace procsync
