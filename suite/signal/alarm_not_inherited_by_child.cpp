// SIG-18: a forked child does not inherit its parent's pending alarm. The parent arms
// alarm(1) and forks. The child keeps the inherited SIGALRM handler but gets no SIGALRM of
// its own, and alarm(0) in it finds nothing left; only the parent's alarm fires.
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
std::atomic<int> g_alarms{0};  // each process counts its own deliveries

void on_alarm(int sig) {
  ++g_alarms;
  ps::say_safe(g_in_child ? "child" : "parent", ": caught ", ps::signal_name(sig));
  if (!g_in_child) g_box->parent_caught = true;
}

constexpr unsigned kAlarmSeconds = 1;
// After the parent's alarm fired, the child waits this long more: an inherited alarm, due at
// the same moment, would have come by then.
constexpr double kChildGrace = 0.5;
}  // namespace

int main() {
  ps::Shared<Box> box;
  g_box = box.get();
  ps::install(SIGALRM, on_alarm);
  ps::say("parent: armed alarm ", kAlarmSeconds, ", alarm returned ", alarm(kAlarmSeconds));

  ps::Child child([&] {
    g_in_child = 1;
    ps::await([&] { return box->parent_caught.load(); }, "the parent's SIGALRM",
              kAlarmSeconds + ps::kGuardSeconds);
    ps::sleep_for(kChildGrace);
    ps::say("child: SIGALRM delivered ", g_alarms.load(), " time(s)");
    ps::say("child: alarm(0) returned ", alarm(0));
    return 0;
  });

  ps::await([&] { return g_alarms.load() != 0; }, "SIGALRM", kAlarmSeconds + ps::kGuardSeconds);
  ps::say("parent: child ", child.wait().describe());
  return 0;
}
