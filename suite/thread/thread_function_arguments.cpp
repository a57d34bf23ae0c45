// THR-02: a thread function receives positional and named arguments. std::thread forwards
// positional arguments to the function; "named" arguments (Python's kwargs) are the fields of
// a struct built with designated initializers, with defaults for the ones left out. Arguments
// are copied into the thread unless passed with std::ref.
#include <string>
#include <thread>

#include "procsync.hpp"

namespace {
struct Named {
  std::string singer = "unknown";
  double seconds = 3.0;
  bool loud = false;
};

void player(const std::string& song, int times, Named named, int& plays_out, int copy) {
  ps::say("thread: positional song=", song, " times=", times);
  ps::say("thread: named singer=", named.singer, " seconds=", named.seconds, " loud=", named.loud);
  plays_out = times;  // written through the std::ref argument
  copy = -1;          // the thread's own copy: the caller's variable keeps its value
  ps::say("thread: set its by-value argument to ", copy);
}
}  // namespace

int main() {
  int plays = 0;
  int original = 7;
  std::thread t(player, "calories", 2, Named{.singer = "tedu", .seconds = 0.3}, std::ref(plays),
                original);
  t.join();
  ps::say("main: the std::ref argument now holds ", plays);
  ps::say("main: the argument passed by value still holds ", original);
  return 0;
}
