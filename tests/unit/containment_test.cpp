// Where a run's processes live: the PID namespace where the platform allows it, else the
// subreaper, and a harness process that can start another run afterwards.
#include "containment.hpp"

#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

using namespace procsync;

TEST_CASE("Containment.SubreaperWhenAskedFor") {
  ::setenv("PROCSYNC_CONTAINMENT", "subreaper", 1);
  const Containment c = Containment::enter();
  ::unsetenv("PROCSYNC_CONTAINMENT");
  CHECK_FALSE(c.in_namespace());
  CHECK(c.description() == "subreaper (pid namespace not used: PROCSYNC_CONTAINMENT=subreaper)");
  CHECK(c.reaper() == ::getpid());
  CHECK(c.mount_namespace() == -1);
}

TEST_CASE("Containment.NamespaceOrASaidReason") {
  {
    Containment c = Containment::enter();
    if (!c.in_namespace()) {
      // Refused here (no CAP_SYS_ADMIN): the reason names the step that failed.
      CHECK(c.description().rfind("subreaper (pid namespace not used: ", 0) == 0);
      return;
    }
    CHECK(c.description() == "pid namespace");
    CHECK(c.reaper() != ::getpid());
    CHECK(c.mount_namespace() >= 0);
    CHECK(c.orphans().empty());
    // Killing the init ends the namespace; the harness reaps the init like any child.
    c.kill_all();
    int status = 0;
    REQUIRE(::waitpid(c.reaper(), &status, __WALL) == c.reaper());
    CHECK(WIFSIGNALED(status));
    c.reaped(c.reaper());
    CHECK(c.orphans().empty());
  }
  // Back in its own namespace: a child is born (a namespace whose init is gone takes none)
  // and sees its real parent.
  const pid_t parent = ::getpid();
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) ::_exit(::getppid() == parent ? 0 : 1);
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  // And a second run gets a namespace of its own again.
  Containment again = Containment::enter();
  CHECK(again.in_namespace());
  again.kill_all();
  ::waitpid(again.reaper(), nullptr, __WALL);
}
