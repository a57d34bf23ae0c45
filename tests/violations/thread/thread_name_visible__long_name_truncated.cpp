// Violates THR-04: a platform that silently truncates a name over 15 bytes instead of
// refusing it with ERANGE.
#include <pthread.h>

#include <string>

#include "procsync.hpp"

int main() {
  std::string name = "procsync-worker2";
  name.resize(15);
  ps::say("main: pthread_setname_np(worker, \"procsync-worker\"): 0");
  ps::say("system shows: procsync-worker");
  const int rc = pthread_setname_np(pthread_self(), name.c_str());
  ps::say("main: pthread_setname_np(worker, \"procsync-worker2\"): ",
          rc == 0 ? "0" : ps::errno_name(rc));
  ps::say("system still shows: ", name);
  ps::say("thread: naming itself: 0");
  ps::say("thread: system shows: self-named");
  return 0;
}
