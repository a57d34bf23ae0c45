// EVT-01: a new event is clear: is_set() is false, in the process that made it and in a
// child that shares it. Setting it then shows is_set() really reads the flag.
#include "event.hpp"
#include "procsync.hpp"

int main() {
  ps::Shared<ps::SharedEvent> event;
  ps::say("parent: new event, is_set ", event->is_set());

  ps::Child reader([&] {
    ps::say("child: is_set ", event->is_set());
    return 0;
  });
  ps::say("parent: child ", reader.wait().describe());

  event->set();
  ps::Child after_set([&] {
    ps::say("child: after set, is_set ", event->is_set());
    return 0;
  });
  ps::say("parent: child ", after_set.wait().describe());
  return 0;
}
