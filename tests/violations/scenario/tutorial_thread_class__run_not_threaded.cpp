// Violates SCN-04: start() returns at once and join() does not wait, so main's line comes
// before the player's second line (a thread class whose join is a no-op).
#include <string>
#include <thread>

#include "procsync.hpp"

int main() {
  std::thread t([] {
    for (int i = 0; i < 2; ++i) {
      ps::say("Playing calories");
      ps::sleep_for(0.3);
    }
  });
  ps::sleep_for(0.01);
  ps::say("main: joined thread tedu");
  t.join();
  return 0;
}
