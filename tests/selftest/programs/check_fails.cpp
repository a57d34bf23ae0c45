// A set-up step that fails: ps::check names the failed step, its errno and its place.
#include <cerrno>

#include "procsync.hpp"
int main() {
  ps::say("about to check");
  errno = ENOENT;
  ps::check(false, "a step that fails");
  ps::say("went on after the failed check");
  return 0;
}
