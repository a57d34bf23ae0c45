// Diverges from its trace on its first run only: a marker file in the data directory
// (the harness's --data-dir, a fresh directory per test) remembers that it ran. With
// --retry-unexpected the rerun agrees: FLAKY.
#include <fcntl.h>
#include <unistd.h>

#include <string>

#include "procsync.hpp"
int main() {
  const std::string marker = ps::data_dir() + "/fails_first_run.ran";
  if (access(marker.c_str(), F_OK) == 0) {
    ps::say("ran before");
    return 0;
  }
  const int fd = open(marker.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
  ps::check(fd >= 0, "create the marker");
  close(fd);
  ps::say("first run");
  return 0;
}
