// Violates SIG-18: the child gets a copy of the parent's alarm (re-armed at once after fork).
#include <unistd.h>

#include <atomic>
#include <csignal>

#include "procsync.hpp"

namespace {
struct Box {
  std::atomic<bool> parent_caught{false};
};
Box* g_box = nullptr;
volatile std::sig_atomic_t g_in_child = 0;
std::atomic<int> g_alarms{0};
void on_alarm(int sig) {
  ++g_alarms;
  ps::say_safe(g_in_child ? "child" : "parent", ": caught ", ps::signal_name(sig));
  if (!g_in_child) g_box->parent_caught = true;
}
}  // namespace

int main() {
  ps::Shared<Box> box;
  g_box = box.get();
  ps::install(SIGALRM, on_alarm);
  ps::say("parent: armed alarm 1, alarm returned ", alarm(1));
  ps::Child child([&] {
    alarm(1);
    g_in_child = 1;
    ps::await([&] { return box->parent_caught.load(); }, "the parent's SIGALRM",
              1 + ps::kGuardSeconds);
    ps::sleep_for(0.5);
    ps::say("child: SIGALRM delivered ", g_alarms.load(), " time(s)");
    ps::say("child: alarm(0) returned ", alarm(0));
    return 0;
  });
  ps::await([&] { return g_alarms.load() != 0; }, "SIGALRM", 1 + ps::kGuardSeconds);
  ps::say("parent: child ", child.wait().describe());
  return 0;
}
