// LCK-01 (without the lock): the same two writer processes as
// suite/lock/writers_exclusive_under_lock.cpp, handing the turn at the shared stdout to each
// other after every line, but with no lock around their critical sections. Nothing keeps
// the second writer out, so their lines interleave: A B A B.
#include <atomic>
#include <string>

#include "procsync.hpp"

namespace {
constexpr int kLines = 3;
constexpr double kProveSeconds = 3.0;  // how long the parent looks for writer B's state

enum Phase : int { kStarting, kLocking, kInside, kDone };

struct Writer {
  std::atomic<pid_t> pid{0};
  std::atomic<int> phase{kStarting};
};

struct Box {
  Writer writer[2];
  std::atomic<int> turn{-1};  // the writer that may print next; -1 until the parent says go
};

const char* const kName[2] = {"A", "B"};

// The same turn-taking as with the lock: a writer keeps the turn when the other has finished
// or sits blocked where the lock would be (here it never does).
bool cannot_take_turn(const Writer& w) {
  const int phase = w.phase;
  return phase == kDone || (phase == kLocking && ps::process_state(w.pid) == 'S');
}

void print_in_turn(Box& box, int me, const std::string& text) {
  for (;;) {
    const int turn = box.turn;
    if (turn == me || (turn != -1 && cannot_take_turn(box.writer[1 - me]))) break;
    ps::sleep_for(0.001);
  }
  ps::say("writer ", kName[me], ": ", text);
  box.turn = 1 - me;
}

int writer(Box& box, int me) {
  Writer& self = box.writer[me];
  self.pid = getpid();
  ps::say("writer ", kName[me], ": in the critical section without a lock");
  self.phase = kInside;
  for (int i = 1; i <= kLines; ++i) print_in_turn(box, me, "line " + std::to_string(i));
  print_in_turn(box, me, "leaving the critical section");
  self.phase = kDone;
  return 0;
}
}  // namespace

int main() {
  ps::Shared<Box> box;

  ps::Child a([&] { return writer(*box, 0); });
  while (box->writer[0].phase != kInside) ps::sleep_for(0.001);
  ps::Child b([&] { return writer(*box, 1); });

  const double deadline = ps::monotonic_seconds() + kProveSeconds;
  while (box->writer[1].phase != kInside && !cannot_take_turn(box->writer[1])) {
    ps::check(ps::monotonic_seconds() < deadline, "writer B neither entered nor blocked");
    ps::sleep_for(0.001);
  }
  ps::say(box->writer[1].phase == kInside ? "parent: writer B entered the critical section too"
                                          : "parent: writer B is blocked on the lock");
  box->turn = 0;  // go: A has the first turn

  const std::string a_end = a.wait().describe();
  const std::string b_end = b.wait().describe();
  ps::say("parent: writer A ", a_end, ", writer B ", b_end);
  return 0;
}
