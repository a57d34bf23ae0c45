// EVT-05: one set() wakes every waiter at once: three waiter processes, each proven asleep
// inside wait(), all answer at the moment the parent sets the event.
#include <array>
#include <memory>

#include "event.hpp"
#include "procsync.hpp"

namespace {
constexpr int kWaiters = 3;
constexpr double kHoldSeconds = 0.5;  // the waiters stay blocked this long
}  // namespace

int main() {
  ps::Shared<ps::SharedEvent> event;

  // Started and proven blocked one by one, so that the parent's lines come in a fixed order.
  std::array<std::unique_ptr<ps::Child>, kWaiters> waiters;
  for (int i = 0; i < kWaiters; ++i) {
    const int n = i + 1;
    waiters[i] = std::make_unique<ps::Child>([&event, n] {
      const bool woke = event->wait();
      ps::say("waiter ", n, ": wait returned ", woke);
      return 0;
    });
    ps::check(event->await_waiters(n), "waiter never entered wait");
    ps::check(ps::wait_for_state(waiters[i]->pid(), "S"), "waiter never blocked");
    ps::say("parent: waiter ", n, " is blocked in wait");
  }

  ps::sleep_for(kHoldSeconds);
  ps::say("parent: setting the event");
  event->set();
  // Reap them all before printing, so that no exit line can come before a waiter's own line.
  std::array<ps::Status, kWaiters> statuses;
  for (int i = 0; i < kWaiters; ++i) statuses[i] = waiters[i]->wait();
  for (int i = 0; i < kWaiters; ++i) ps::say("parent: waiter ", i + 1, " ", statuses[i].describe());
  return 0;
}
