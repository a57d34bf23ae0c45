// Violates EVT-01 (and every row on the shared event): PTHREAD_PROCESS_SHARED refused with
// ENOTSUP by a platform whose sysconf claims the option. A refusal the platform's own
// sysconf contradicts is a broken platform, not a missing option: a failure, never
// UNSUPPORTED.
#include <cerrno>

#include "event.hpp"
#include "procsync.hpp"

// The platform: a libc that claims process-shared synchronisation (sysconf
// _SC_THREAD_PROCESS_SHARED) but refuses PTHREAD_PROCESS_SHARED for a mutex. This definition
// takes the place of the library's for the whole program, the fixtures included.
extern "C" int pthread_mutexattr_setpshared(pthread_mutexattr_t*, int) noexcept {
  return ENOTSUP;
}

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
