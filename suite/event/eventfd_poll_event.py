# EVT-08, eventfd flavour: an event made of an os.eventfd() shared by forked processes. set
# writes 1 to the counter, is_set polls with a zero timeout, wait polls (with or without a
# timeout), clear reads the counter back to zero. os.eventfd is new in Python 3.10
# (docs.python.org/3/library/os.html#os.eventfd): an older runtime reports UNSUPPORTED.
import math
import os
import select

import procsync as ps

WAITERS = 3
TIMEOUT_SECONDS = 0.3  # the timed waits that must run out
LONG_TIMEOUT = 2.0  # a timed wait that must not be needed
HOLD_SECONDS = 0.5  # the waiters stay blocked this long


def runs_out(wait, seconds):
    """A timed wait that must run out, and whether it lasted its whole timeout (measured here:
    the harness sees a line only late, never a wait that started late and ended early)."""
    start = ps.monotonic_seconds()
    woke = wait(seconds)
    whole = ps.monotonic_seconds() - start >= seconds
    return ("true" if woke else "false") + (", not before" if whole else ", before") + \
        " the timeout"


class EventFd:
    def __init__(self):
        if not hasattr(os, "eventfd"):
            ps.unsupported("os.eventfd (Python 3.10 or later)")
        # Non-blocking, so that clear() on a clear event gets EAGAIN instead of blocking.
        self.fd = os.eventfd(0, os.EFD_NONBLOCK | os.EFD_CLOEXEC)

    def set(self):
        os.eventfd_write(self.fd, 1)

    def clear(self):
        try:
            os.eventfd_read(self.fd)
        except BlockingIOError:
            pass

    def is_set(self):
        return self._poll_in(0)

    def wait(self):
        return self._poll_in(None)

    def wait_for(self, seconds):
        return self._poll_in(math.ceil(seconds * 1000))

    def _poll_in(self, timeout_ms):
        # poll's timeout is in milliseconds; None waits without one. Readable means set.
        # select.poll retries EINTR itself with the remaining time (PEP 475).
        p = select.poll()
        p.register(self.fd, select.POLLIN)
        ready = p.poll(timeout_ms)
        return len(ready) == 1 and bool(ready[0][1] & select.POLLIN)


def waiter(n, event, about_to_wait):
    about_to_wait[0] = n
    ps.say("waiter ", n, ": wait returned ", event.wait())
    return 0


event = EventFd()
about_to_wait = ps.shared_bytes(1)
ps.say("new event: is_set ", event.is_set())
ps.say("wait_for(0.3) on the clear event returned ", runs_out(event.wait_for, TIMEOUT_SECONDS))

waiters = []
for n in range(1, WAITERS + 1):
    child = ps.Child(lambda n=n: waiter(n, event, about_to_wait))
    waiters.append(child)
    ps.await_blocked(child.pid, lambda: about_to_wait[0] == n, "waiter never blocked")
    ps.say("waiter ", n, " is blocked in poll")
ps.sleep_for(HOLD_SECONDS)
ps.say("setting the event")
event.set()
# Reap them all before printing, so that no exit line can come before a waiter's own line.
statuses = [child.wait() for child in waiters]
for n, status in enumerate(statuses, 1):
    ps.say("waiter ", n, " ", status.describe())

ps.say("is_set ", event.is_set())
ps.say("wait_for(2) on the set event returned ", event.wait_for(LONG_TIMEOUT))
event.clear()
ps.say("cleared: is_set ", event.is_set())
ps.say("wait_for(0.3) after clear returned ", runs_out(event.wait_for, TIMEOUT_SECONDS))
