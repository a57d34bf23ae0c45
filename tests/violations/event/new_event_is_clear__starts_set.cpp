// Violates EVT-01: the event starts out set.
#include "event.hpp"
#include "procsync.hpp"

int main() {
  ps::Shared<ps::SharedEvent> event;
  event->set();  // wrong: a new event must be clear
  ps::say("parent: new event, is_set ", event->is_set());
  ps::Child reader([&] {
    ps::say("child: is_set ", event->is_set());
    return 0;
  });
  ps::say("parent: child ", reader.wait().describe());
  ps::Child after_set([&] {
    ps::say("child: after set, is_set ", event->is_set());
    return 0;
  });
  ps::say("parent: child ", after_set.wait().describe());
  return 0;
}
