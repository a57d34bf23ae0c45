// THR-05: each thread knows its own identity (Python's threading.current_thread()), and it is
// the identity its handle reports: std::this_thread::get_id() inside the thread equals the
// std::thread's get_id() outside, and pthread_self() equals native_handle().
#include <pthread.h>

#include <latch>
#include <thread>

#include "procsync.hpp"

namespace {
std::thread::id g_handle_id;  // published by main once the handle exists
pthread_t g_handle_native{};
std::latch g_published{1};

const char* yes_no(bool b) {
  return b ? "yes" : "no";
}
}  // namespace

int main() {
  const std::thread::id main_id = std::this_thread::get_id();
  std::thread t([main_id] {
    g_published.wait();
    const std::thread::id me = std::this_thread::get_id();
    ps::say("thread: this_thread::get_id() equals its handle's get_id(): ",
            yes_no(me == g_handle_id));
    ps::say("thread: pthread_self() equals its handle's native_handle(): ",
            yes_no(pthread_equal(pthread_self(), g_handle_native) != 0));
    ps::say("thread: its id differs from main's: ", yes_no(me != main_id));
  });
  g_handle_id = t.get_id();
  g_handle_native = t.native_handle();
  g_published.count_down();
  t.join();
  ps::say("main: after join the handle holds no thread (default id): ",
          yes_no(t.get_id() == std::thread::id()));
  return 0;
}
