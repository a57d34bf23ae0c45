// Violates EVT-05: set wakes only the first waiter (as pthread_cond_signal would); the
// other two stay blocked, and the parent gives up on them after 0.5 s.
#include <array>
#include <memory>

#include "event.hpp"
#include "procsync.hpp"

namespace {
struct Box {
  ps::SharedEvent event;
  ps::SharedEvent never_set;  // what the waiters that are not woken wait on
};
}  // namespace

int main() {
  ps::Shared<Box> box;
  std::array<std::unique_ptr<ps::Child>, 3> waiters;
  for (int i = 0; i < 3; ++i) {
    const int n = i + 1;
    waiters[i] = std::make_unique<ps::Child>([&box, n] {
      const bool woke = n == 1 ? box->event.wait() : box->never_set.wait();  // wrong
      ps::say("waiter ", n, ": wait returned ", woke);
      return 0;
    });
    ps::check(ps::wait_for_state(waiters[i]->pid(), "S"), "waiter never blocked");
    ps::say("parent: waiter ", n, " is blocked in wait");
  }
  ps::sleep_for(0.5);
  ps::say("parent: setting the event");
  box->event.set();
  ps::sleep_for(0.5);
  return 0;  // ~Child kills and reaps the waiters still blocked
}
