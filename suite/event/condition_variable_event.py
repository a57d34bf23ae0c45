# EVT-08, the threads flavour: threading.Event, which is a flag guarded by a
# threading.Condition (a lock and a condition variable), the flavour this trace describes. One
# run shows the event rules between threads: new is clear, a timed wait on it times out, set
# wakes every blocked thread at once, a wait on the set event returns at once, and clear makes
# waits block again.
import threading

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


def waiters_inside(event):
    # Threads inside Condition.wait(): each appends its own lock to the condition's private
    # waiter list before it sleeps on it. With the thread's state (S) this shows the thread is
    # in wait(), not merely waiting for the interpreter lock on its way there.
    with event._cond:
        return len(event._cond._waiters)


def waiter(n, event):
    ps.say("waiter ", n, ": wait returned ", event.wait())


event = threading.Event()
ps.say("new event: is_set ", event.is_set())
ps.say("wait_for(0.3) on the clear event returned ", runs_out(event.wait, TIMEOUT_SECONDS))

threads = []
for n in range(1, WAITERS + 1):
    t = threading.Thread(target=waiter, args=(n, event))
    t.start()
    threads.append(t)
    ps.await_thread_blocked(t, lambda: waiters_inside(event) >= n, "waiter never blocked")
    ps.say("waiter ", n, " is blocked in wait")
ps.sleep_for(HOLD_SECONDS)
ps.say("setting the event")
event.set()
for t in threads:
    t.join()
ps.say("joined the waiters")

ps.say("is_set ", event.is_set())
ps.say("wait_for(2) on the set event returned ", event.wait(LONG_TIMEOUT))
event.clear()
ps.say("cleared: is_set ", event.is_set())
ps.say("wait_for(0.3) after clear returned ", runs_out(event.wait, TIMEOUT_SECONDS))
