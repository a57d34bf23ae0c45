// THR-11: threads run concurrently. Two threads that each sleep 0.5 s both wake about 0.5 s
// after the start, not one after the other at 0.5 s and 1 s. Each thread also records when
// its sleep began and ended, and main prints whether the two sleeps overlapped: a check
// that does not depend on how late a slow platform is.
#include <algorithm>
#include <thread>

#include "procsync.hpp"

namespace {
constexpr double kSleepSeconds = 0.5;

struct Interval {
  double begin = 0;
  double end = 0;
};
Interval g_sleep[2];  // written by thread i, read by main after join
}  // namespace

int main() {
  std::thread threads[2];
  for (int i = 0; i < 2; ++i) {
    threads[i] = std::thread([i] {
      const char* name = i == 0 ? "A" : "B";
      ps::say("thread ", name, ": sleeping 0.5 s");
      g_sleep[i].begin = ps::monotonic_seconds();
      ps::sleep_for(kSleepSeconds);
      g_sleep[i].end = ps::monotonic_seconds();
      ps::say("thread ", name, ": woke");
    });
  }
  for (auto& t : threads) t.join();
  const double later_begin = std::max(g_sleep[0].begin, g_sleep[1].begin);
  const double earlier_end = std::min(g_sleep[0].end, g_sleep[1].end);
  ps::say("main: both joined; the two sleeps overlapped: ",
          later_begin < earlier_end ? "yes" : "no");
  return 0;
}
