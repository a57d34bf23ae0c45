// Violates THR-11: the threads' sleeps run one after the other (as on a platform that runs
// one thread at a time): B's sleep starts only when A's has ended, so B wakes at 1 s and the
// sleeps do not overlap.
#include <algorithm>
#include <latch>
#include <thread>

#include "procsync.hpp"

namespace {
double g_begin[2], g_end[2];
}

int main() {
  std::latch a_done{1};
  std::thread a([&] {
    ps::say("thread A: sleeping 0.5 s");
    g_begin[0] = ps::monotonic_seconds();
    ps::sleep_for(0.5);
    g_end[0] = ps::monotonic_seconds();
    ps::say("thread A: woke");
    a_done.count_down();
  });
  std::thread b([&] {
    ps::say("thread B: sleeping 0.5 s");
    a_done.wait();
    g_begin[1] = ps::monotonic_seconds();
    ps::sleep_for(0.5);
    g_end[1] = ps::monotonic_seconds();
    ps::say("thread B: woke");
  });
  a.join();
  b.join();
  ps::say("main: both joined; the two sleeps overlapped: ",
          std::max(g_begin[0], g_begin[1]) < std::min(g_end[0], g_end[1]) ? "yes" : "no");
  return 0;
}
