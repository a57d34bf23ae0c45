// Violates THR-02: the named arguments do not reach the thread (it sees the defaults), and a
// by-reference argument is not written back.
#include <string>
#include <thread>

#include "procsync.hpp"

namespace {
struct Named {
  std::string singer = "unknown";
  double seconds = 3.0;
  bool loud = false;
};

void player(const std::string& song, int times, int plays_out) {
  const Named named;
  ps::say("thread: positional song=", song, " times=", times);
  ps::say("thread: named singer=", named.singer, " seconds=", named.seconds, " loud=", named.loud);
  plays_out = times;
  ps::say("thread: set its by-value argument to ", plays_out);
}
}  // namespace

int main() {
  int plays = 0;
  std::thread t(player, "calories", 2, plays);
  t.join();
  ps::say("main: the std::ref argument now holds ", plays);
  ps::say("main: the argument passed by value still holds 7");
  return 0;
}
