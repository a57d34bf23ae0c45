// Violates LCK-01: the "process-shared" mutex does not exclude across processes (here each
// writer locks its own copy, as if PTHREAD_PROCESS_SHARED were ignored), so writer B enters
// while A is inside and the lines interleave.
#include <pthread.h>

#include <atomic>
#include <string>

#include "procsync.hpp"

namespace {
enum Phase : int { kStarting, kLocking, kInside, kDone };
struct Writer {
  std::atomic<pid_t> pid{0};
  std::atomic<int> phase{kStarting};
};
struct Box {
  Writer writer[2];
  std::atomic<int> turn{-1};
};
pthread_mutex_t g_private_lock = PTHREAD_MUTEX_INITIALIZER;  // copied by fork
const char* const kName[2] = {"A", "B"};

bool cannot_take_turn(const Writer& w) {
  return w.phase == kDone || (w.phase == kLocking && ps::process_state(w.pid) == 'S');
}
void print_in_turn(Box& box, int me, const std::string& text) {
  while (!(box.turn == me || (box.turn != -1 && cannot_take_turn(box.writer[1 - me]))))
    ps::sleep_for(0.001);
  ps::say("writer ", kName[me], ": ", text);
  box.turn = 1 - me;
}
int writer(Box& box, int me) {
  box.writer[me].pid = getpid();
  box.writer[me].phase = kLocking;
  pthread_mutex_lock(&g_private_lock);
  ps::say("writer ", kName[me], ": holds the lock");
  box.writer[me].phase = kInside;
  for (int i = 1; i <= 3; ++i) print_in_turn(box, me, "line " + std::to_string(i));
  print_in_turn(box, me, "releasing the lock");
  box.writer[me].phase = kDone;
  pthread_mutex_unlock(&g_private_lock);
  return 0;
}
}  // namespace

int main() {
  ps::Shared<Box> box;
  ps::Child a([&] { return writer(*box, 0); });
  ps::await([&] { return box->writer[0].phase == kInside; }, "writer A to be inside");
  ps::Child b([&] { return writer(*box, 1); });
  while (box->writer[1].phase != kInside && !cannot_take_turn(box->writer[1])) ps::sleep_for(0.001);
  ps::say(box->writer[1].phase == kInside ? "parent: writer B entered the critical section too"
                                          : "parent: writer B is blocked on the lock");
  box->turn = 0;
  const std::string a_end = a.wait().describe();
  const std::string b_end = b.wait().describe();
  ps::say("parent: writer A ", a_end, ", writer B ", b_end);
  return 0;
}
