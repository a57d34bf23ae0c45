// Violates EVT-08: eventfd() refuses EFD_NONBLOCK | EFD_CLOEXEC with EINVAL while eventfd
// itself works. Documented flags refused are a broken platform, not a missing feature: the
// result is a failure, never UNSUPPORTED.
#include <poll.h>
#include <sys/eventfd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <memory>
#include <string>

#include "procsync.hpp"

namespace {
// The platform: eventfd2 without its flags, as an emulator that passes them on untranslated.
int eventfd_refusing_flags(unsigned int initval, int flags) {
  if (flags != 0) {
    errno = EINVAL;
    return -1;
  }
  return eventfd(initval, 0);
}
#define eventfd(initval, flags) eventfd_refusing_flags(initval, flags)

constexpr int kWaiters = 3;
constexpr double kTimeoutSeconds = 0.3;  // the timed waits that must run out
constexpr double kLongTimeout = 2.0;     // a timed wait that must not be needed
constexpr double kHoldSeconds = 0.5;     // the waiters stay blocked this long

class EventFd {
 public:
  EventFd() {
    // Non-blocking, so that clear() on a clear event reads EAGAIN instead of blocking.
    // UNSUPPORTED only where eventfd is really absent: ENOSYS, or EINVAL (what glibc's
    // eventfd.c says for flags when the kernel lacks eventfd2) with ENOSYS for the call
    // without flags too. EINVAL while eventfd(0, 0) works is a platform refusing flags
    // documented since Linux 2.6.27 (eventfd2): a failure, never hidden as UNSUPPORTED.
    fd_ = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (fd_ < 0 && errno == ENOSYS) ps::unsupported("eventfd: ENOSYS");
    if (fd_ < 0 && errno == EINVAL && eventfd(0, 0) < 0 && errno == ENOSYS)
      ps::unsupported("eventfd: ENOSYS without flags, EINVAL with them");
    ps::check(fd_ >= 0, "eventfd");
  }
  ~EventFd() { close(fd_); }
  EventFd(const EventFd&) = delete;
  EventFd& operator=(const EventFd&) = delete;

  void set() const {
    const std::uint64_t one = 1;
    ps::check(write(fd_, &one, sizeof one) == sizeof one, "write eventfd");
  }
  void clear() const {
    std::uint64_t value = 0;
    if (read(fd_, &value, sizeof value) < 0) ps::check(errno == EAGAIN, "read eventfd");
  }
  bool is_set() const { return poll_in(0); }
  bool wait() const { return poll_in(-1); }
  bool wait_for(double seconds) const {
    return poll_in(static_cast<int>(std::ceil(seconds * 1000)));
  }

 private:
  // poll's timeout is in milliseconds; -1 waits without one. Readable means set.
  bool poll_in(int timeout_ms) const {
    pollfd p{fd_, POLLIN, 0};
    int n;
    while ((n = poll(&p, 1, timeout_ms)) < 0) ps::check(errno == EINTR, "poll");
    return n == 1 && (p.revents & POLLIN) != 0;
  }
  int fd_ = -1;
};

struct Flags {
  std::atomic<int> about_to_wait{0};
};
}  // namespace

int main() {
  EventFd event;
  ps::Shared<Flags> flags;
  // A timed wait that must run out, and whether it lasted its whole timeout (measured here:
  // the harness sees a line only late, never a wait that started late and ended early).
  auto runs_out = [&](double seconds) {
    const double start = ps::monotonic_seconds();
    const bool woke = event.wait_for(seconds);
    const bool whole = ps::monotonic_seconds() - start >= seconds;
    return std::string(woke ? "true" : "false") + (whole ? ", not before" : ", before") +
           " the timeout";
  };
  ps::say("new event: is_set ", event.is_set());
  ps::say("wait_for(0.3) on the clear event returned ", runs_out(kTimeoutSeconds));

  std::array<std::unique_ptr<ps::Child>, kWaiters> waiters;
  for (int i = 0; i < kWaiters; ++i) {
    const int n = i + 1;
    waiters[i] = std::make_unique<ps::Child>([&, n] {
      flags->about_to_wait = n;
      const bool woke = event.wait();
      ps::say("waiter ", n, ": wait returned ", woke);
      return 0;
    });
    ps::await([&] { return flags->about_to_wait == n; }, "the waiter to be about to wait");
    ps::check(ps::wait_for_state(waiters[i]->pid(), "S"), "waiter never blocked");
    ps::say("waiter ", n, " is blocked in poll");
  }
  ps::sleep_for(kHoldSeconds);
  ps::say("setting the event");
  event.set();
  // Reap them all before printing, so that no exit line can come before a waiter's own line.
  std::array<ps::Status, kWaiters> statuses;
  for (int i = 0; i < kWaiters; ++i) statuses[i] = waiters[i]->wait();
  for (int i = 0; i < kWaiters; ++i) ps::say("waiter ", i + 1, " ", statuses[i].describe());

  ps::say("is_set ", event.is_set());
  ps::say("wait_for(2) on the set event returned ", event.wait_for(kLongTimeout));
  event.clear();
  ps::say("cleared: is_set ", event.is_set());
  ps::say("wait_for(0.3) after clear returned ", runs_out(kTimeoutSeconds));
  return 0;
}
