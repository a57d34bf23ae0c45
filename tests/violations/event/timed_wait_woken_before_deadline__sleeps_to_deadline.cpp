// Violates EVT-09, every flavour (the trace's %args picks it): the timed wait sleeps to its 6 s
// deadline and then checks once, as a port that implements a timed wait as "sleep, then try"
// would, so it returns 5.5 s after the wake-up instead of at it.
#include <poll.h>
#include <pthread.h>
#include <semaphore.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdlib>
#include <ctime>
#include <functional>
#include <mutex>
#include <semaphore>
#include <string>
#include <string_view>
#include <thread>

#include "procsync.hpp"

namespace {
constexpr double kDeadlineSeconds = 6.0;  // far beyond the wake-up, so a late return shows
constexpr double kHoldSeconds = 0.5;      // the waiter stays blocked this long
constexpr int kDeadlineMs = 6000;

// Shared between the waiter and the main side (threads or forked processes).
struct Box {
  std::atomic<pid_t> waiter_tid{0};  // set just before the waiter enters the timed call
};

// One flavour: what the waiter calls, how the main side wakes it, and whether the waiter is a
// forked process (true) or a thread (false).
struct Flavour {
  const char* call;  // as the trace names it
  const char* wake;  // what the main side does, as the trace names it
  bool process;
  std::function<void()> prepare;      // main side, before the waiter starts
  std::function<std::string()> wait;  // the waiter's timed call: what it returned
  std::function<void()> wake_up;      // main side
};

// The waiter's side: announce, enter the timed call, report what it returned and whether that
// was before the deadline (measured by the waiter itself, on CLOCK_MONOTONIC).
void run_waiter(const Flavour& f, Box& box) {
  ps::say("waiter: ", f.call, " with its deadline 6 s ahead");
  const double start = ps::monotonic_seconds();
  box.waiter_tid = ps::this_thread_id();
  // The violation: sleep to the deadline, then check once (the wake-up is long past by then).
  ps::sleep_for(kDeadlineSeconds);
  const std::string result = f.wait();
  const double waited = ps::monotonic_seconds() - start;
  ps::say("waiter: ", f.call, " ", result,
          ", before its deadline: ", waited < kDeadlineSeconds ? "yes" : "no");
}

int run(const Flavour& f) {
  ps::Shared<Box> box;
  if (f.prepare) f.prepare();
  if (f.process) {
    ps::Child waiter([&] {
      run_waiter(f, *box);
      return 0;
    });
    ps::await([&] { return box->waiter_tid != 0; }, "the waiter to start", 5);
    ps::check(ps::wait_for_state(waiter.pid(), "S", 5), "waiter never blocked");
    ps::say("main: the waiter is blocked in ", f.call);
    ps::sleep_for(kHoldSeconds);
    ps::say("main: ", f.wake);
    f.wake_up();
    ps::say("main: waiter ", waiter.wait().describe());
  } else {
    std::thread waiter([&] { run_waiter(f, *box); });
    ps::await([&] { return box->waiter_tid != 0; }, "the waiter to start", 5);
    if (!ps::wait_for_thread_state(box->waiter_tid, "S", 5)) {
      ps::say("error: the waiter never blocked in ", f.call);
      std::_Exit(1);  // the waiter may still be inside the call: no join
    }
    ps::say("main: the waiter is blocked in ", f.call);
    ps::sleep_for(kHoldSeconds);
    ps::say("main: ", f.wake);
    f.wake_up();
    waiter.join();
    ps::say("main: waiter joined");
  }
  return 0;
}

std::string errno_result(int rc) {
  return rc == 0 ? "returned 0" : std::string("failed: ") + ps::errno_name(rc);
}

// A timed call that reports EINTR is resumed with the same absolute deadline.
template <typename Call>
int resumed(Call call) {
  int rc;
  while ((rc = call()) == EINTR) {
  }
  return rc;
}
}  // namespace

int main(int argc, char** argv) {
  const std::string_view flavour = argc > 1 ? argv[1] : "";

  if (flavour == "sem_timedwait" || flavour == "sem_clockwait") {
    const bool realtime = flavour == "sem_timedwait";
    ps::Shared<sem_t> sem;
    ps::check(sem_init(sem.get(), /*pshared=*/1, 0) == 0, "sem_init");
    const Flavour f{realtime ? "sem_timedwait" : "sem_clockwait(CLOCK_MONOTONIC)",
                    "sem_post",
                    true,
                    nullptr,
                    [&]() -> std::string {
                      const timespec deadline = ps::deadline_in(
                          realtime ? CLOCK_REALTIME : CLOCK_MONOTONIC, kDeadlineSeconds);
                      return errno_result(resumed([&] {
                        const int rc = realtime
                                           ? sem_timedwait(sem.get(), &deadline)
                                           : sem_clockwait(sem.get(), CLOCK_MONOTONIC, &deadline);
                        return rc == 0 ? 0 : errno;
                      }));
                    },
                    [&] { ps::check(sem_post(sem.get()) == 0, "sem_post"); }};
    return run(f);
  }

  if (flavour == "counting_semaphore") {
    std::counting_semaphore<1> sem{0};
    const Flavour f{"try_acquire_for",
                    "release()",
                    false,
                    nullptr,
                    [&]() -> std::string {
                      return sem.try_acquire_for(std::chrono::milliseconds(kDeadlineMs))
                                 ? "returned true"
                                 : "returned false";
                    },
                    [&] { sem.release(); }};
    return run(f);
  }

  if (flavour == "condition_variable") {
    std::mutex mutex;
    std::condition_variable cv;
    bool flag = false;
    const Flavour f{"wait_for",
                    "setting the flag and notify_one()",
                    false,
                    nullptr,
                    [&]() -> std::string {
                      std::unique_lock lock(mutex);
                      const bool woke = cv.wait_for(lock, std::chrono::milliseconds(kDeadlineMs),
                                                    [&] { return flag; });
                      return woke ? "returned true" : "returned false";
                    },
                    [&] {
                      {
                        std::lock_guard lock(mutex);
                        flag = true;
                      }
                      cv.notify_one();
                    }};
    return run(f);
  }

  if (flavour == "eventfd_poll") {
    const int fd = eventfd(0, EFD_CLOEXEC);
    if (fd < 0 && (errno == ENOSYS || errno == EINVAL)) ps::unsupported("eventfd");
    ps::check(fd >= 0, "eventfd");
    const Flavour f{"poll(6000 ms)",
                    "writing 1 to the eventfd",
                    true,
                    nullptr,
                    [&]() -> std::string {
                      pollfd p{fd, POLLIN, 0};
                      // poll's timeout is relative: after EINTR, wait only for what is left.
                      const double end = ps::monotonic_seconds() + kDeadlineSeconds;
                      int timeout_ms = kDeadlineMs;
                      int n;
                      while ((n = poll(&p, 1, timeout_ms)) < 0 && errno == EINTR) {
                        const double left = end - ps::monotonic_seconds();
                        timeout_ms = left > 0 ? static_cast<int>(left * 1000) + 1 : 0;
                      }
                      if (n < 0) return std::string("failed: ") + ps::errno_name(errno);
                      return "returned " + std::to_string(n) +
                             ((p.revents & POLLIN) != 0 ? ", readable" : ", not readable");
                    },
                    [&] {
                      const std::uint64_t one = 1;
                      ps::check(write(fd, &one, sizeof one) == sizeof one, "write eventfd");
                    }};
    return run(f);
  }

  if (flavour == "mutex_timedlock") {
    pthread_mutex_t mutex = PTHREAD_MUTEX_INITIALIZER;
    const Flavour f{"pthread_mutex_timedlock",
                    "pthread_mutex_unlock",
                    false,
                    [&] { ps::check_rc(pthread_mutex_lock(&mutex), "pthread_mutex_lock"); },
                    [&]() -> std::string {
                      const timespec deadline = ps::deadline_in(CLOCK_REALTIME, kDeadlineSeconds);
                      const int rc = pthread_mutex_timedlock(&mutex, &deadline);
                      if (rc == 0) pthread_mutex_unlock(&mutex);
                      return errno_result(rc);
                    },
                    [&] { ps::check_rc(pthread_mutex_unlock(&mutex), "pthread_mutex_unlock"); }};
    return run(f);
  }

  if (flavour == "timed_mutex") {
    std::timed_mutex mutex;
    const Flavour f{"try_lock_for",
                    "unlock()",
                    false,
                    [&] { mutex.lock(); },
                    [&]() -> std::string {
                      const bool got = mutex.try_lock_for(std::chrono::milliseconds(kDeadlineMs));
                      if (got) mutex.unlock();
                      return got ? "returned true" : "returned false";
                    },
                    [&] { mutex.unlock(); }};
    return run(f);
  }

  if (flavour == "rwlock_timedwrlock") {
    pthread_rwlock_t rwlock = PTHREAD_RWLOCK_INITIALIZER;
    const Flavour f{"pthread_rwlock_timedwrlock",
                    "releasing the read lock",
                    false,
                    [&] { ps::check_rc(pthread_rwlock_rdlock(&rwlock), "pthread_rwlock_rdlock"); },
                    [&]() -> std::string {
                      const timespec deadline = ps::deadline_in(CLOCK_REALTIME, kDeadlineSeconds);
                      const int rc = pthread_rwlock_timedwrlock(&rwlock, &deadline);
                      if (rc == 0) pthread_rwlock_unlock(&rwlock);
                      return errno_result(rc);
                    },
                    [&] { ps::check_rc(pthread_rwlock_unlock(&rwlock), "pthread_rwlock_unlock"); }};
    return run(f);
  }

  ps::say(
      "usage: timed_wait_woken_before_deadline sem_timedwait|sem_clockwait|"
      "counting_semaphore|condition_variable|eventfd_poll|mutex_timedlock|timed_mutex|"
      "rwlock_timedwrlock");
  return 2;
}
