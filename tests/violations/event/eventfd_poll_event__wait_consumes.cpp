// Violates EVT-08 (eventfd flavour): "wait" reads the counter, so the first waiter takes
// the event and the others stay blocked (a classic misuse of eventfd as an event).
#include <poll.h>
#include <sys/eventfd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <cstdint>
#include <memory>

#include "procsync.hpp"

namespace {
struct Flags {
  std::atomic<int> about_to_wait{0};
};
bool poll_in(int fd, int ms) {
  pollfd p{fd, POLLIN, 0};
  return poll(&p, 1, ms) == 1;
}
}  // namespace

int main() {
  const int fd = eventfd(0, EFD_NONBLOCK);
  ps::check(fd >= 0, "eventfd");
  ps::Shared<Flags> flags;
  ps::say("new event: is_set ", poll_in(fd, 0));
  ps::say("wait_for(0.3) on the clear event returned ", poll_in(fd, 300),
          ", not before the timeout");
  std::array<std::unique_ptr<ps::Child>, 3> waiters;
  for (int i = 0; i < 3; ++i) {
    const int n = i + 1;
    waiters[i] = std::make_unique<ps::Child>([&, n] {
      flags->about_to_wait = n;
      std::uint64_t v = 0;
      while (read(fd, &v, sizeof v) < 0) poll_in(fd, -1);  // wrong: consumes the event
      ps::say("waiter ", n, ": wait returned true");
      return 0;
    });
    ps::await([&] { return flags->about_to_wait == n; }, "the waiter to be about to wait");
    ps::check(ps::wait_for_state(waiters[i]->pid(), "S"), "waiter never blocked");
    ps::say("waiter ", n, " is blocked in poll");
  }
  ps::sleep_for(0.5);
  ps::say("setting the event");
  const std::uint64_t one = 1;
  ps::check(write(fd, &one, sizeof one) == sizeof one, "write");
  ps::sleep_for(0.5);
  return 0;  // the two waiters still blocked are killed and reaped by ~Child
}
