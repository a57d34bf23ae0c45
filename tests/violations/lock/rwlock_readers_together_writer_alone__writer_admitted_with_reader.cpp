// Violates LCK-09: a writer admitted while a reader still holds the lock: reader 2's hold is
// not counted (it takes nothing), so the writer gets the lock when reader 1 unlocks, at 0.5 s
// instead of 1 s.
#include <pthread.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <functional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <thread>

#include "procsync.hpp"

namespace {
constexpr double kStepSeconds = 0.5;  // between the unlocks the trace times

// The calls of one flavour, with the names and results the trace shows.
struct Calls {
  const char *rdlock, *tryrdlock, *wrlock, *trywrlock, *unlock_rd, *unlock_wr;
  std::function<std::string()> read, try_read, write, try_write;
  std::function<void()> unlock_read, unlock_write;
};

// Ends the program at once: threads may still be blocked on the lock, so nothing is joined.
[[noreturn]] void give_up(const std::string& what) {
  ps::say("error: ", what);
  std::_Exit(1);
}

// A thread that takes the lock (read or write) when told to, holds it, and unlocks when told.
class Holder {
 public:
  Holder(std::string name, std::function<std::string()> take, std::function<void()> release,
         const char* take_name, const char* unlock_name)
      : thread_([=, this] {
          ps::say(name, ": ", take_name);
          tid_ = ps::this_thread_id();
          ps::say(name, ": ", take_name, " ", take());
          holds_ = true;
          ps::await([this] { return release_.load(); }, "main to tell " + name + " to unlock", 20);
          ps::say(name, ": ", unlock_name);
          release();
        }) {}
  ~Holder() {
    if (thread_.joinable()) thread_.join();
  }
  Holder(const Holder&) = delete;
  Holder& operator=(const Holder&) = delete;

  void await_holds(const std::string& what, double timeout_s) {
    ps::await([this] { return holds_.load(); }, what, timeout_s);
  }
  void await_blocked(const std::string& who, double timeout_s) {
    ps::await([this] { return tid_ != 0; }, who + " to start", timeout_s);
    if (!ps::wait_for_thread_state(tid_, "S", timeout_s)) give_up(who + " never blocked");
  }
  void unlock() {
    release_ = true;
    thread_.join();
  }

 private:
  std::atomic<pid_t> tid_{0};
  std::atomic<bool> holds_{false}, release_{false};
  std::thread thread_;
};

int run(const Calls& c) {
  Holder reader1("reader 1", c.read, c.unlock_read, c.rdlock, c.unlock_rd);
  reader1.await_holds("reader 1 to get the read lock", 5);
  Holder reader2(
      "reader 2", [] { return std::string("returned 0"); }, [] {}, c.rdlock, c.unlock_rd);
  reader2.await_holds("reader 2 to get the read lock beside reader 1", 2);
  const std::string tried = c.try_read();
  ps::say("main: ", c.tryrdlock, " while two readers hold it: ", tried);
  if (tried == "returned 0" || tried == "true") c.unlock_read();
  ps::say("main: ", c.trywrlock, " while readers hold it: ", c.try_write());

  Holder writer("writer", c.write, c.unlock_write, c.wrlock, c.unlock_wr);
  writer.await_blocked("the writer", 5);
  ps::say("main: the writer is blocked in ", c.wrlock);
  ps::sleep_for(kStepSeconds);
  reader1.unlock();
  ps::sleep_for(kStepSeconds);
  reader2.unlock();
  writer.await_holds("the writer to get the lock", 5);
  ps::say("main: ", c.tryrdlock, " while the writer holds it: ", c.try_read());
  ps::say("main: ", c.trywrlock, " while the writer holds it: ", c.try_write());

  Holder reader3("reader 3", c.read, c.unlock_read, c.rdlock, c.unlock_rd);
  reader3.await_blocked("reader 3", 5);
  ps::say("main: reader 3 is blocked in ", c.rdlock);
  ps::sleep_for(kStepSeconds);
  writer.unlock();
  reader3.await_holds("reader 3 to get the read lock", 5);
  reader3.unlock();
  return 0;
}

std::string pthread_result(int rc) {
  return rc == 0 ? "returned 0" : ps::errno_name(rc);
}
}  // namespace

int main(int argc, char** argv) {
  const std::string_view flavour = argc > 1 ? argv[1] : "";
  if (flavour == "pthread") {
    static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
    const Calls c{"pthread_rwlock_rdlock",
                  "pthread_rwlock_tryrdlock",
                  "pthread_rwlock_wrlock",
                  "pthread_rwlock_trywrlock",
                  "pthread_rwlock_unlock",
                  "pthread_rwlock_unlock",
                  [] { return pthread_result(pthread_rwlock_rdlock(&rw)); },
                  [] { return pthread_result(pthread_rwlock_tryrdlock(&rw)); },
                  [] { return pthread_result(pthread_rwlock_wrlock(&rw)); },
                  [] { return pthread_result(pthread_rwlock_trywrlock(&rw)); },
                  [] { ps::check_rc(pthread_rwlock_unlock(&rw), "pthread_rwlock_unlock"); },
                  [] { ps::check_rc(pthread_rwlock_unlock(&rw), "pthread_rwlock_unlock"); }};
    return run(c);
  }
  if (flavour == "std") {
    static std::shared_mutex m;
    const Calls c{"lock_shared()",
                  "try_lock_shared()",
                  "lock()",
                  "try_lock()",
                  "unlock_shared()",
                  "unlock()",
                  [] {
                    m.lock_shared();
                    return std::string("returned");
                  },
                  [] { return std::string(m.try_lock_shared() ? "true" : "false"); },
                  [] {
                    m.lock();
                    return std::string("returned");
                  },
                  [] { return std::string(m.try_lock() ? "true" : "false"); },
                  [] { m.unlock_shared(); },
                  [] { m.unlock(); }};
    return run(c);
  }
  ps::say("usage: readers_together_writer_alone pthread|std");
  return 2;
}
