// Violates THR-05: inside the thread, "its own id" is the creator's (as if get_id() named
// the process's main thread).
#include <pthread.h>

#include <latch>
#include <thread>

#include "procsync.hpp"

namespace {
std::thread::id g_handle_id;
std::latch g_published{1};
}  // namespace

int main() {
  const std::thread::id main_id = std::this_thread::get_id();
  const pthread_t main_native = pthread_self();
  std::thread t([main_id, main_native] {
    g_published.wait();
    const std::thread::id me = main_id;
    ps::say("thread: this_thread::get_id() equals its handle's get_id(): ",
            me == g_handle_id ? "yes" : "no");
    ps::say("thread: pthread_self() equals its handle's native_handle(): ",
            pthread_equal(main_native, pthread_self()) ? "yes" : "no");
    ps::say("thread: its id differs from main's: ", me != main_id ? "yes" : "no");
  });
  g_handle_id = t.get_id();
  g_published.count_down();
  t.join();
  ps::say("main: after join the handle holds no thread (default id): yes");
  return 0;
}
