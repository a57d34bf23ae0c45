// Violates SCN-02: child 2's wait ignores its 2 s timeout and waits for the set like
// child 1, so it never gives up.
#include <string>

#include "event.hpp"
#include "procsync.hpp"

int main() {
  ps::Shared<ps::SharedEvent> event;
  ps::Child waits_forever([&] {
    ps::say("child 1: prepare to operate critical resources");
    event->wait();
    ps::say("child 1: start operation of critical resources, is_set ", event->is_set());
    ps::say(
        "child 1: copied file.bin to 1.bin: 4096 bytes, the same as "
        "fixtures/data/picture.bin");
    return 0;
  });
  ps::Child waits_2s([&] {
    ps::say("child 2: also want to operate critical resources");
    event->wait();  // wrong: no timeout
    ps::say(event->is_set() ? "child 2: also started to operate critical resources"
                            : "child 2: It's not going to wait");
    return 0;
  });
  ps::check(event->await_waiters(2), "children never entered wait");
  ps::check(ps::wait_for_state(waits_forever.pid(), "S"), "child 1 never blocked");
  ps::check(ps::wait_for_state(waits_2s.pid(), "S"), "child 2 never blocked");
  ps::say("main: both children are waiting");
  ps::say("main: the main process is operating critical resources");
  ps::sleep_for(3.0);
  ps::say("main: wrote file.bin (4096 bytes) from fixtures/data/picture.bin");
  ps::say("main: setting the event");
  event->set();
  ps::say("main: the main process has finished operation");
  ps::say("main: child 1 ", waits_forever.wait().describe());
  ps::say("main: child 2 ", waits_2s.wait().describe());
  return 0;
}
