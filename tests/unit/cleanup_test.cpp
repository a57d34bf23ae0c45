// Telling a dead harness's processes by the run token in their environment.
#include "cleanup.hpp"

#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "process.hpp"

using namespace procsync;
using namespace std::string_literals;

TEST_CASE("Cleanup.TokenInEnvironment") {
  CHECK(token_in_environment("HOME=/root\0PROCSYNC_TOKEN=4242-0badcafe\0TERM=dumb\0"s) ==
        "4242-0badcafe");
  CHECK(token_in_environment("PROCSYNC_TOKEN=17-00000000"s) == "17-00000000");  // no final NUL
  CHECK(token_in_environment("HOME=/root\0TERM=dumb\0"s).empty());
  CHECK(token_in_environment(""s).empty());
  // Only the variable itself, not one whose name or value merely contains it.
  CHECK(token_in_environment("XPROCSYNC_TOKEN=1-00000000\0A=PROCSYNC_TOKEN=2-00000000\0"s).empty());
}

TEST_CASE("Cleanup.TokenOwner") {
  CHECK(token_owner("4242-0badcafe") == 4242);
  CHECK(token_owner(make_run_token()) > 0);
  CHECK(token_owner("manual4242") == -1);  // a program run by hand names no harness
  CHECK(token_owner("4242-0BADCAFE") == -1);
  CHECK(token_owner("-0badcafe") == -1);
  CHECK(token_owner("") == -1);
}

TEST_CASE("Sweep.AWorkDirectoryWhoseLockIsHeldIsKeptWhateverItsPidSays") {
  namespace fs = std::filesystem;
  char base_template[] = "/tmp/procsync-sweep-test.XXXXXX";
  REQUIRE(::mkdtemp(base_template) != nullptr);
  const fs::path base = base_template;
  // pid 4194304 is past Linux's pid_max: no harness of that pid is alive here, as a harness
  // in another PID namespace may look.
  const fs::path run = base / "procsync.4194304-0badcafe.abc123";
  fs::create_directories(run);
  {
    Fd lock(hold_work_dir(run.string()));
    sweep_stale(base.string());
    CHECK(fs::exists(run));
  }
  // The lock is released (its harness died): the directory goes.
  sweep_stale(base.string());
  CHECK_FALSE(fs::exists(run));
  fs::remove_all(base);
}

TEST_CASE("Sweep.AWorkDirectoryWhoseLockIsBeingTakenIsKept") {
  namespace fs = std::filesystem;
  char base_template[] = "/tmp/procsync-sweep-test.XXXXXX";
  REQUIRE(::mkdtemp(base_template) != nullptr);
  const fs::path base = base_template;
  const fs::path run = base / "procsync.4194304-0badcafe.abc123";
  fs::create_directories(run);
  // The moment between the lock file's creation and its lock: the file is there under its
  // unlocked name only, so a sweep must not take it for the free lock of a dead run.
  { std::ofstream(run / ".procsync-run.lock.new"); }
  sweep_stale(base.string());
  CHECK(fs::exists(run));
  fs::remove_all(base);
}
