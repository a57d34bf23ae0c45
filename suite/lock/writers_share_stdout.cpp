// LCK-01: two writer processes share stdout and try to take turns at it, handing the turn
// to the other after every line.
//   with-lock     each writes its lines while holding one process-shared mutex. A writer
//                 that finds the other blocked on the lock keeps the turn, so the lock, not
//                 the turn-taking, decides the order: all of A, then all of B.
//   without-lock  nothing keeps the second writer out: their lines interleave, A B A B.
// One program for both, so that the lock is the only difference between the two traces.
#include <pthread.h>

#include <atomic>
#include <string>
#include <string_view>

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
  pthread_mutex_t stdout_lock;
  Writer writer[2];
  std::atomic<int> turn{-1};  // the writer that may print next; -1 until the parent says go
};

const char* const kName[2] = {"A", "B"};
bool g_locked = true;  // with-lock or without-lock, from the command line

// True when the writer cannot take a turn now: it has finished, or it is blocked on the lock
// (it said it was locking, and the kernel shows it asleep: nothing else sleeps there).
// Without the lock a writer never reaches kLocking, so only a finished one gives up turns.
bool cannot_take_turn(const Writer& w) {
  const int phase = w.phase;
  return phase == kDone || (phase == kLocking && ps::process_state(w.pid) == 'S');
}

// Waits for the parent's go and this writer's turn (kept when the other writer cannot take
// it), prints, and hands the turn to the other writer.
void print_in_turn(Box& box, int me, const std::string& text) {
  // The go may come only after the parent's look at writer B.
  ps::await(
      [&] {
        const int turn = box.turn;
        return turn == me || (turn != -1 && cannot_take_turn(box.writer[1 - me]));
      },
      "this writer's turn", kProveSeconds + ps::kGuardSeconds);
  ps::say("writer ", kName[me], ": ", text);
  box.turn = 1 - me;
}

int writer(Box& box, int me) {
  Writer& self = box.writer[me];
  self.pid = getpid();
  if (g_locked) {
    self.phase = kLocking;
    ps::check(pthread_mutex_lock(&box.stdout_lock) == 0, "pthread_mutex_lock");
    ps::say("writer ", kName[me], ": holds the lock");
  } else {
    ps::say("writer ", kName[me], ": in the critical section without a lock");
  }
  self.phase = kInside;
  for (int i = 1; i <= kLines; ++i) print_in_turn(box, me, "line " + std::to_string(i));
  print_in_turn(box, me, g_locked ? "releasing the lock" : "leaving the critical section");
  self.phase = kDone;
  if (g_locked) ps::check(pthread_mutex_unlock(&box.stdout_lock) == 0, "pthread_mutex_unlock");
  return 0;
}
}  // namespace

int main(int argc, char** argv) {
  const std::string_view mode = argc > 1 ? argv[1] : "";
  if (mode != "with-lock" && mode != "without-lock") {
    ps::say("usage: writers_share_stdout with-lock|without-lock");
    return 2;
  }
  g_locked = mode == "with-lock";
  ps::Shared<Box> box;
  pthread_mutexattr_t attr;
  pthread_mutexattr_init(&attr);
  ps::check(pthread_mutexattr_setpshared(&attr, PTHREAD_PROCESS_SHARED) == 0, "setpshared");
  ps::check(pthread_mutex_init(&box->stdout_lock, &attr) == 0, "pthread_mutex_init");
  pthread_mutexattr_destroy(&attr);

  // A enters first; B is started only once A is inside, so the order is forced.
  ps::Child a([&] { return writer(*box, 0); });
  ps::await([&] { return box->writer[0].phase == kInside; }, "writer A to be inside");
  ps::Child b([&] { return writer(*box, 1); });

  ps::await([&] { return box->writer[1].phase == kInside || cannot_take_turn(box->writer[1]); },
            "writer B to enter or to block on the lock", kProveSeconds);
  ps::say(box->writer[1].phase == kInside ? "parent: writer B entered the critical section too"
                                          : "parent: writer B is blocked on the lock");
  box->turn = 0;  // go: A has the first turn

  const std::string a_end = a.wait().describe();
  const std::string b_end = b.wait().describe();
  ps::say("parent: writer A ", a_end, ", writer B ", b_end);
  pthread_mutex_destroy(&box->stdout_lock);
  return 0;
}
