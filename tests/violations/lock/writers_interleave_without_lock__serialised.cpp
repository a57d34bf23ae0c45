// Violates LCK-01's control: without any lock, writer B still cannot enter while A is in its
// critical section (as if the platform ran the second process only after the first ended),
// so the lines come out A A A B B B although nothing orders them.
#include <string>

#include "procsync.hpp"

namespace {
int writer(const char* name) {
  ps::say("writer ", name, ": in the critical section without a lock");
  for (int i = 1; i <= 3; ++i) ps::say("writer ", name, ": line ", i);
  ps::say("writer ", name, ": leaving the critical section");
  return 0;
}
}  // namespace

int main() {
  ps::Child a([] { return writer("A"); });
  const std::string a_end = a.wait().describe();
  ps::Child b([] { return writer("B"); });
  ps::say("parent: writer B entered the critical section too");
  const std::string b_end = b.wait().describe();
  ps::say("parent: writer A ", a_end, ", writer B ", b_end);
  return 0;
}
